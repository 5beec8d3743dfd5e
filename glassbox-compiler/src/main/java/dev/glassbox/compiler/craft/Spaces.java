package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Vector spaces as lists of directions: joining and sorting them the original's way. */
public final class Spaces {
    private Spaces() {}

    /** The union of the spaces, sorted in the original's order. */
    @SafeVarargs
    public static List<BasisDirection> join(List<BasisDirection>... spaces) {
        LinkedHashSet<BasisDirection> all = new LinkedHashSet<>();
        for (List<BasisDirection> s : spaces) all.addAll(s);
        return sorted(all);
    }

    /** The directions in the original's order (by name, then value; a stable merge sort, which never throws). */
    public static List<BasisDirection> sorted(java.util.Collection<BasisDirection> directions) {
        List<BasisDirection> list = new ArrayList<>(directions);
        mergeSort(list, 0, list.size(), new ArrayList<>(list));
        return list;
    }

    private static void mergeSort(List<BasisDirection> a, int from, int to, List<BasisDirection> tmp) {
        if (to - from < 2) return;
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, tmp);
        mergeSort(a, mid, to, tmp);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            tmp.set(k++, BasisDirection.TRACR_ORDER.compare(a.get(j), a.get(i)) < 0 ? a.get(j++) : a.get(i++));
        }
        while (i < mid) tmp.set(k++, a.get(i++));
        while (j < to) tmp.set(k++, a.get(j++));
        for (int x = from; x < to; x++) a.set(x, tmp.get(x));
    }
}
