package dev.glassbox.rasp.text;

/** Python's comparison operators; {@link #flipped} is the operator with its operands swapped. */
enum ComparisonOperator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

    final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** {@code a op b == b op.flipped() a}; null for membership and identity, which do not flip. */
    ComparisonOperator flipped() {
        return switch (this) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> null;
        };
    }
}
