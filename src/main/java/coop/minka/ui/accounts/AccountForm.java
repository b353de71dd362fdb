package coop.minka.ui.accounts;

import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The account form: code, name, type and, for a member's own account, the member; whether the
/// account holds the cooperative's money (cash box or bank). Opened on an existing account
/// ([#editing]) it changes the name, the cash mark and whether it is archived (code, type and
/// member are fixed once created).
public final class AccountForm {
    private final ObjectProperty<coop.minka.domain.Account> editing = new SimpleObjectProperty<>();
    private final BooleanProperty cash = new SimpleBooleanProperty(false);
    private final BooleanProperty archived = new SimpleBooleanProperty(false);
    private final BooleanBinding cashAllowed;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<AccountType> type = new SimpleObjectProperty<>(AccountType.ASSET);
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final StringProperty codeError = new SimpleStringProperty("");
    private final BooleanBinding valid;

    AccountForm() {
        valid = Bindings.createBooleanBinding(() -> !code.get().isBlank() && !name.get().isBlank()
                && type.get() != null && codeError.get().isEmpty(), code, name, type, codeError);
        cashAllowed = Bindings.createBooleanBinding(() -> type.get() == AccountType.ASSET && member.get() == null
                && (editing.get() == null || editing.get().memberId() == null), type, member, editing);
        cashAllowed.addListener((o, a, b) -> {
            if (!b) {
                cash.set(false);
            }
        });
    }

    /// Opens the form on an existing account.
    void startEdit(coop.minka.domain.Account a) {
        start();
        editing.set(a);
        code.set(a.code());
        name.set(a.name());
        type.set(a.type());
        cash.set(a.cash());
        archived.set(a.archived());
    }

    /// The account being changed; null for a new one.
    public ObjectProperty<coop.minka.domain.Account> editingProperty() {
        return editing;
    }

    public BooleanProperty cashProperty() {
        return cash;
    }

    public BooleanProperty archivedProperty() {
        return archived;
    }

    /// Only an asset account of the cooperative itself (not a member's) can hold its money.
    public BooleanBinding cashAllowedBinding() {
        return cashAllowed;
    }

    void start() {
        code.set("");
        name.set("");
        type.set(AccountType.ASSET);
        member.set(null);
        codeError.set("");
        editing.set(null);
        cash.set(false);
        archived.set(false);
        open.set(true);
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<AccountType> typeProperty() {
        return type;
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public StringProperty codeErrorProperty() {
        return codeError;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
