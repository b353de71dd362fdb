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

/// The new-account form: code, name, type and, for a member's own account, the member.
public final class AccountForm {
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
    }

    void start() {
        code.set("");
        name.set("");
        type.set(AccountType.ASSET);
        member.set(null);
        codeError.set("");
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
