package dev.glassbox.rasp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A fixed sequence of values, for tests and evaluation; not compilable. */
public final class ConstantSOp extends SOp {
    private final List<Object> values;
    private final boolean checkLength;

    public ConstantSOp(List<?> values, boolean checkLength) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object v : values) copy.add(Values.requireValue(v));
        this.values = Collections.unmodifiableList(copy);
        this.checkLength = checkLength;
    }

    public List<Object> values() {
        return values;
    }

    public boolean checkLength() {
        return checkLength;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of();
    }

    @Override
    public String defaultName() {
        return "constant_sop";
    }
}
