package coop.minka.domain;

import java.util.List;

/// A failure a person can understand and act on: a catalogued code plus the values that go
/// into its message. Nothing has been written when this is thrown from a service.
public final class MinkaException extends RuntimeException {
    private final ErrorCode code;
    private final List<String> args;

    public MinkaException(ErrorCode code, Object... args) {
        this(code, null, args);
    }

    public MinkaException(ErrorCode code, Throwable cause, Object... args) {
        super(code.name() + (args.length == 0 ? "" : " " + List.of(args).stream().map(String::valueOf).toList()), cause);
        this.code = code;
        this.args = List.of(args).stream().map(String::valueOf).toList();
    }

    public ErrorCode code() {
        return code;
    }

    public List<String> args() {
        return args;
    }
}
