package jp.kakehashi.tpp.screening;

/** Which part of the checklist an item belongs to (A2). */
public enum ChecklistPart {
    /** The points the principles name; mandatory, never changed or retired. */
    COMMON,
    /** Items this bank adds, changes and retires by maker and checker, without code. */
    BANK
}
