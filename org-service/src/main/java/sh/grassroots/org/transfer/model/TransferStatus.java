package sh.grassroots.org.transfer.model;

public enum TransferStatus {
    REQUESTED,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    COMPLETED;

    public boolean isOpen() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
