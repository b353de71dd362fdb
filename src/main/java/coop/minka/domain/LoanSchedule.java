package coop.minka.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/// The repayment schedule of a savings-group loan, computed once at issue (issue 14, design
/// notes 31). Monthly installments over the term; each is split into principal and service
/// charge, in minor units:
///
/// - **Due dates**: installment `k` (1-based) is due `issued.plusMonths(k)` — the same day of the
///   month, or the month's last day when it has none (31 January → 28/29 February).
/// - **Day count**: one month is one period whatever its number of days (no daily accrual); the
///   charge of a month is the monthly rate on the month's base.
/// - **Principal**: `principal ÷ months` rounded down for every installment, the last one absorbs
///   the remainder.
/// - **Charge**: [GroupConstitution.ChargeMethod#FLAT] — every installment's charge is
///   `principal × rate ÷ 10 000` rounded half up to the minor unit; [GroupConstitution.ChargeMethod#DECLINING]
///   — installment `k`'s charge is `owed_k × rate ÷ 10 000` rounded half up, `owed_k` the principal
///   still owed before installment `k` by the schedule (equal principal installments).
///   So the total charge is the sum of the rounded installment charges and the schedule sums
///   exactly to `principal + totalCharge`.
/// - **Repayments** ([#split], [#position]): money repaid goes to the installments in order, in
///   each to the **charge first, then the principal**. Paying ahead settles later installments in
///   the same order (the schedule is not recomputed; an early-payment discount is an assembly
///   decision, left to the wiring).
///
/// Principal 1 to [OpRules#MAX_AMOUNT], 1 to [GroupConstitution#MAX_TERM_MONTHS] months, rate 0
/// to 10 000 bp per month; anything else is refused, and no figure can overflow within them.
public record LoanSchedule(LocalDate issued, long principal, int months, int chargeBpPerMonth,
        GroupConstitution.ChargeMethod method, List<Installment> installments) {

    /// One installment: its number (1-based), due date, principal and service charge.
    public record Installment(int number, LocalDate due, long principal, long charge) {
        public long total() {
            return principal + charge;
        }
    }

    /// How a payment divides: charge first, then principal.
    public record Split(long charge, long principal) {
        public long total() {
            return charge + principal;
        }
    }

    /// Where a loan stands after `repaid` minor units, on a date.
    ///
    /// - `chargePaid`, `principalPaid`: `repaid` divided by the allocation rule;
    /// - `principalOwed`, `chargeOwed`: what is left of the schedule;
    /// - `arrears`: what was due on or before the date and is not paid;
    /// - `daysPastDue`: days from the due date of the oldest installment not fully paid to the
    ///   date, when that due date is before it (else 0); an installment due today is not late.
    public record Position(long chargePaid, long principalPaid, long principalOwed, long chargeOwed, long arrears,
            long daysPastDue) {
        /// Portfolio at risk: more than 30 days past due (SAVIX "PAR > 30").
        public boolean atRisk30() {
            return daysPastDue > 30;
        }

        public boolean settled() {
            return principalOwed == 0 && chargeOwed == 0;
        }
    }

    public LoanSchedule {
        installments = List.copyOf(installments);
    }

    /// Computes the schedule; refuses ([ErrorCode#BAD_AMOUNT], a [GroupConstitution] reason code as
    /// detail) a principal, term or rate outside the stated bounds.
    public static LoanSchedule of(LocalDate issued, long principal, int months, int chargeBpPerMonth,
            GroupConstitution.ChargeMethod method) {
        if (issued == null || method == null) {
            throw new IllegalArgumentException("issued and method are required");
        }
        if (principal < 1 || principal > OpRules.MAX_AMOUNT) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.BAD_AMOUNT, principal);
        }
        if (months < 1 || months > GroupConstitution.MAX_TERM_MONTHS) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, GroupConstitution.BAD_TERM, months);
        }
        if (chargeBpPerMonth < 0 || chargeBpPerMonth > GroupConstitution.BP) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, GroupConstitution.BAD_CHARGE_RATE, chargeBpPerMonth);
        }
        long each = principal / months;
        long flatCharge = Apportion.mulDivHalfUp(principal, chargeBpPerMonth, GroupConstitution.BP);
        List<Installment> out = new ArrayList<>(months);
        long owed = principal;
        for (int k = 1; k <= months; k++) {
            long p = k == months ? owed : each;
            long charge = switch (method) {
                case FLAT -> flatCharge;
                case DECLINING -> Apportion.mulDivHalfUp(owed, chargeBpPerMonth, GroupConstitution.BP);
            };
            out.add(new Installment(k, issued.plusMonths(k), p, charge));
            owed -= p;
        }
        return new LoanSchedule(issued, principal, months, chargeBpPerMonth, method, out);
    }

    public long totalCharge() {
        return installments.stream().mapToLong(Installment::charge).reduce(0L, Apportion::checkedAdd);
    }

    /// `principal + totalCharge()`: what the member repays in all.
    public long totalDue() {
        return Apportion.checkedAdd(principal, totalCharge());
    }

    /// Divides a payment of `amount` made after `alreadyRepaid`: charge first, then principal,
    /// installment by installment. Refuses ([ErrorCode#BAD_AMOUNT]) a negative amount or one
    /// that would repay more than [#totalDue].
    public Split split(long alreadyRepaid, long amount) {
        if (amount < 0 || alreadyRepaid < 0 || alreadyRepaid > totalDue() || amount > totalDue() - alreadyRepaid) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "overpaid", amount);
        }
        Split before = paid(alreadyRepaid);
        Split after = paid(alreadyRepaid + amount);
        return new Split(after.charge() - before.charge(), after.principal() - before.principal());
    }

    /// The loan's position after `repaid` in all (0 to [#totalDue]), on `asOf`.
    public Position position(long repaid, LocalDate asOf) {
        if (repaid < 0 || repaid > totalDue()) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "overpaid", repaid);
        }
        Split paid = paid(repaid);
        long dueByDate = 0;
        long cumulative = 0;
        long days = 0;
        boolean foundLate = false;
        for (Installment i : installments) {
            cumulative += i.total();
            if (!i.due().isAfter(asOf)) {
                dueByDate = cumulative;
            }
            if (!foundLate && cumulative > repaid) {
                foundLate = true;
                if (i.due().isBefore(asOf)) {
                    days = ChronoUnit.DAYS.between(i.due(), asOf);
                }
            }
        }
        return new Position(paid.charge(), paid.principal(), principal - paid.principal(),
                totalCharge() - paid.charge(), Math.max(0, dueByDate - repaid), days);
    }

    /// `repaid` (≤ totalDue) divided by the allocation rule.
    private Split paid(long repaid) {
        long left = repaid;
        long charge = 0;
        long princ = 0;
        for (Installment i : installments) {
            long c = Math.min(left, i.charge());
            charge += c;
            left -= c;
            long p = Math.min(left, i.principal());
            princ += p;
            left -= p;
            if (left == 0) {
                break;
            }
        }
        return new Split(charge, princ);
    }
}
