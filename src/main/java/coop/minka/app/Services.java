package coop.minka.app;

import coop.minka.app.export.ExportService;
import coop.minka.app.pack.CheckCodeService;
import coop.minka.app.pack.PackService;
import coop.minka.app.report.AuditService;
import coop.minka.app.report.ReportService;
import coop.minka.app.sync.ConflictService;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.app.sync.VerifyService;

/// The use cases over one open [Workspace], wired by hand. The desktop app's composition root
/// and the command line both build one of these; nothing here knows about JavaFX.
public final class Services implements AutoCloseable {
    private final Workspace workspace;
    private final PeriodRules periods;
    private final MemberService members;
    private final WorkService work;
    private final LedgerService ledger;
    private final ReportService reports;
    private final VerifyService verify;
    private final AuditService audit;
    private final SyncService sync;
    private final SecurityService security;
    private final SyncStatus syncStatus;
    private final SyncTrust trust;
    private final ConflictService conflicts;
    private final CheckCodeService checkCodes;
    private final PeriodService closing;
    private final ExportService exports;
    private final PackService pack;
    private final PeopleService people;
    private final GroupService group;
    private final CapitalService capital;

    public Services(Workspace workspace) {
        this.workspace = workspace;
        this.periods = new PeriodRules();
        this.members = new MemberService(workspace);
        this.work = new WorkService(workspace, periods);
        this.ledger = new LedgerService(workspace, periods);
        this.reports = new ReportService(workspace);
        this.verify = new VerifyService(workspace);
        this.audit = new AuditService(workspace);
        this.sync = new SyncService(workspace, periods);
        this.security = new SecurityService(workspace);
        this.syncStatus = new SyncStatus(workspace);
        this.trust = new SyncTrust(workspace);
        this.conflicts = new ConflictService(workspace);
        this.checkCodes = new CheckCodeService(workspace);
        this.closing = new PeriodService(workspace, periods, java.time.ZoneId.systemDefault());
        this.exports = new ExportService(workspace, audit);
        this.pack = new PackService(workspace);
        this.people = new PeopleService(workspace);
        this.group = new GroupService(workspace, periods);
        this.capital = new CapitalService(workspace, periods);
    }

    public Workspace workspace() {
        return workspace;
    }

    public PeriodRules periods() {
        return periods;
    }

    public MemberService members() {
        return members;
    }

    public WorkService work() {
        return work;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public ReportService reports() {
        return reports;
    }

    public VerifyService verify() {
        return verify;
    }

    public AuditService audit() {
        return audit;
    }

    /// Sync files: export, import, shared folders (the one [SyncService] of these books).
    public SyncService sync() {
        return sync;
    }

    public SecurityService security() {
        return security;
    }

    public SyncStatus syncStatus() {
        return syncStatus;
    }

    public SyncTrust trust() {
        return trust;
    }

    public ConflictService conflicts() {
        return conflicts;
    }

    /// Check codes of periods, as printed on the assembly pack.
    public CheckCodeService checkCodes() {
        return checkCodes;
    }

    /// The cooperative's name, languages and currency.
    public CoopService cooperative() {
        return new CoopService(workspace);
    }

    /// Closing the books up to a date.
    public PeriodService closing() {
        return closing;
    }

    /// CSV, JSON and ledger-journal exports.
    public ExportService exports() {
        return exports;
    }

    /// The printable assembly pack (PDF).
    public PackService pack() {
        return pack;
    }

    /// People, roles, PINs and who is acting (design notes 26, 27).
    public PeopleService people() {
        return people;
    }

    /// A savings group's cycle: constitution, meetings, shares, loans, share-out (design notes 32).
    public GroupService group() {
        return group;
    }

    /// The share register and the allocation of a closed year's surplus (design notes 35).
    public CapitalService capital() {
        return capital;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
