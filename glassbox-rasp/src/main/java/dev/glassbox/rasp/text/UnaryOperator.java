package dev.glassbox.rasp.text;

/** Prefix operators: {@code -x}, {@code +x}, {@code ~x}. */
enum UnaryOperator {
    NEGATE("-"), PLUS("+"), INVERT("~");

    final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }
}
