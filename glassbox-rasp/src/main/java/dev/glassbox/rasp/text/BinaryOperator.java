package dev.glassbox.rasp.text;

/** Infix arithmetic and bitwise operators, with Python's meaning on values. */
enum BinaryOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), FLOOR_DIVIDE("//"), MODULO("%"), POWER("**"),
    BIT_AND("&"), BIT_OR("|");

    final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }
}
