package coop.minka.store;

import org.jooq.DSLContext;

/// The open database as one read or one write transaction sees it. The use cases of `app` get
/// one from [Database#session], [Database#transaction] or a [ChangeLog.Writer] and hand it to
/// the repositories of this package, which alone turn it into SQL: `app` never sees jOOQ.
public class Session {
    private final DSLContext dsl;

    Session(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The jOOQ context, for the repositories and the sync machinery (never for `app`).
    public DSLContext dsl() {
        return dsl;
    }
}
