package dev.glassbox.rasp;

/**
 * Tracr's simplification of {@code Select ∧ Select} and {@code Select ∨ Select} into one Select.
 *
 * <p>Two Selects fold when they read the same keys S-Op and the same queries S-Op (by identity). A
 * {@link Full} in a key or query position matches anything: its fill value is baked into that
 * Select's predicate, and the other Select's S-Op is used. The folded predicate is
 * {@code p(k, q) = p1(k, q) ∘ p2(k, q)} with ∘ being and/or.
 */
final class SelectFolding {
    private SelectFolding() {}

    static Select fold(Select fst, Select snd, boolean and) {
        SelectPredicate p1 = fst.predicate();
        SelectPredicate p2 = snd.predicate();
        SOp keys = null;
        SOp queries = null;

        if (fst.keys() instanceof Full f) {
            keys = snd.keys();
            SelectPredicate p = p1;
            p1 = (k, q) -> p.test(f.fill(), q);
        }
        if (snd.keys() instanceof Full f) {
            keys = fst.keys();
            SelectPredicate p = p2;
            p2 = (k, q) -> p.test(f.fill(), q);
        }
        if (fst.queries() instanceof Full f) {
            queries = snd.queries();
            SelectPredicate p = p1;
            p1 = (k, q) -> p.test(k, f.fill());
        }
        if (snd.queries() instanceof Full f) {
            queries = fst.queries();
            SelectPredicate p = p2;
            p2 = (k, q) -> p.test(k, f.fill());
        }
        if (fst.keys() == snd.keys()) keys = fst.keys();
        if (fst.queries() == snd.queries()) queries = fst.queries();
        if (keys == null || queries == null) return null;

        SelectPredicate a = p1, b = p2;
        String description = "(" + fst.predicate() + ") " + (and ? "and" : "or") + " (" + snd.predicate() + ")";
        SelectPredicate combined = and
                ? SelectPredicate.of(description, (k, q) -> a.test(k, q) && b.test(k, q))
                : SelectPredicate.of(description, (k, q) -> a.test(k, q) || b.test(k, q));
        return new Select(keys, queries, combined);
    }
}
