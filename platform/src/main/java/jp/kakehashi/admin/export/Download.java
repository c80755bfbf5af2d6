package jp.kakehashi.admin.export;

/** The outcome of asking for an export's file: the file, once, or a closed reason why not. */
sealed interface Download {

    record File(StaffExport export, byte[] content) implements Download {
    }

    record Refused(Refusal refusal) implements Download {
    }

    enum Refusal {
        /** No such export. */
        UNKNOWN,
        /** Only the requester downloads it. */
        NOT_THE_REQUESTER,
        /** It was downloaded already; a file leaves the bank once. */
        ALREADY_DOWNLOADED,
        /** Its window has passed; its content is gone. */
        EXPIRED
    }
}
