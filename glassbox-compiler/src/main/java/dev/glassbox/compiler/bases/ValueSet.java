package dev.glassbox.compiler.bases;

import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The values an S-Op can take, as Python sees them (1, 1.0 and True are one value), sorted numbers first,
 * and whether it can be None. A numerical S-Op's values may be {@linkplain #isListed() unlisted} when there
 * are too many to list; only a block that discretises it needs them, and it then reports the problem.
 */
public record ValueSet(List<Object> values, boolean nullable) {

    /** More distinct values than this are not listed. */
    public static final int MAX_LISTED = 100_000;

    public ValueSet {
        if (values != null) values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The distinct values of {@code values} (None excluded: it is the {@code nullable} flag), sorted. */
    public static ValueSet of(Collection<?> values, boolean nullable) {
        LinkedHashMap<Object, Object> distinct = new LinkedHashMap<>();
        boolean sawNull = false;
        for (Object v : values) {
            if (v == null) sawNull = true;
            else distinct.putIfAbsent(Values.key(v), v);
        }
        List<Object> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Values::sortOrder);
        return new ValueSet(sorted, nullable || sawNull);
    }

    /** Too many values to list. */
    public static ValueSet unlisted(boolean nullable) {
        return new ValueSet(null, nullable);
    }

    public boolean isListed() {
        return values != null;
    }

    public int size() {
        return values == null ? -1 : values.size();
    }

    public boolean contains(Object v) {
        if (values == null) return true;
        Object key = Values.key(v);
        for (Object x : values) if (Values.key(x).equals(key)) return true;
        return false;
    }

    /** Whether every value is a number (int, float or bool). */
    public boolean allNumbers() {
        if (values == null) return true;
        for (Object v : values) if (!Values.isNumber(v)) return false;
        return true;
    }
}
