package sh.grassroots.gateway.auth;

/** Why a bearer token was not accepted; the message is safe to show to the caller. */
public class TokenRejected extends Exception {
    public TokenRejected(String message) {
        super(message, null, false, false);
    }
}
