package coop.minka.app;

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

    public Services(Workspace workspace) {
        this.workspace = workspace;
        this.periods = new PeriodRules();
        this.members = new MemberService(workspace);
        this.work = new WorkService(workspace, periods);
        this.ledger = new LedgerService(workspace, periods);
        this.reports = new ReportService(workspace);
        this.verify = new VerifyService(workspace);
        this.audit = new AuditService(workspace);
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

    @Override
    public void close() {
        workspace.close();
    }
}
