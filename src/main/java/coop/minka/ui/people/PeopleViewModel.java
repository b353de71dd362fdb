package coop.minka.ui.people;

import coop.minka.app.MemberService;
import coop.minka.app.PeopleService;
import coop.minka.domain.Member;
import coop.minka.domain.OpType;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.WhoIsWorking;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// People and roles (issue 13): who uses Minka, what each may do, adding a person, changing
/// their details and roles, and changing one's own PIN. What is offered follows the roles of
/// the person working ([WhoIsWorking#mayMake]).
public final class PeopleViewModel extends ScreenModel {
    /// One line of the list: the person and the name of the member they are, if any.
    public record Row(Person person, String member) {
    }

    private final PeopleService people;
    private final MemberService members;
    private final WhoIsWorking who;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Member> memberChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final PersonForm form = new PersonForm();
    private final BooleanBinding canAdd;
    private final BooleanBinding canEdit;
    private final BooleanBinding canChangePin;
    private final BooleanBinding canSave;
    private final StringBinding pinError;
    private final StringBinding rolesError;

    public PeopleViewModel(UiContext ui, PeopleService people, MemberService members) {
        super(ui);
        this.people = people;
        this.members = members;
        this.who = ui.who();
        canAdd = who.mayMakeBinding(OpType.PERSON_ADD);
        canEdit = who.mayMakeBinding(OpType.PERSON_UPDATE).and(who.anyProperty()).and(selected.isNotNull());
        canChangePin = who.byProperty().isNotNull();
        canSave = form.validBinding().and(ui.async().busyProperty().not());
        pinError = Bindings.createStringBinding(() -> {
            String p = form.pinProperty().get();
            String again = form.pinAgainProperty().get();
            if (!p.isEmpty() && !PersonForm.pinOk(p)) {
                return ui.i18n().t("people.form.pinRule", PersonForm.MIN_PIN, PersonForm.MAX_PIN);
            }
            return !again.isEmpty() && !again.equals(p) ? ui.i18n().t("people.form.pinDiffer") : "";
        }, form.pinProperty(), form.pinAgainProperty());
        rolesError = Bindings.createStringBinding(() -> form.rolesValidBinding().get() ? ""
                : ui.i18n().t(form.firstProperty().get() ? "people.form.firstPresident" : "people.form.roleRequired"),
                form.rolesValidBinding(), form.firstProperty());
    }

    @Override
    protected void reload() {
        ui.async().run(() -> new Loaded(people.list(), members.list()), l -> {
            Map<String, String> names = l.members().stream().collect(Collectors.toMap(Member::id, Member::name,
                    (a, b) -> a));
            String keep = selected.get() == null ? null : selected.get().person().id();
            rows.setAll(l.people().stream().map(p -> new Row(p, p.member() == null ? "" : names.getOrDefault(p.member(), "")))
                    .toList());
            memberChoices.setAll(l.members());
            selected.set(keep == null ? null : rows.stream().filter(r -> r.person().id().equals(keep)).findFirst()
                    .orElse(null));
        });
    }

    private record Loaded(List<Person> people, List<Member> members) {
    }

    // ---------------------------------------------------------------- commands

    /// Opens the form for a new person; the cooperative's first person is a president.
    public void startAdd() {
        form.startAdd(rows.isEmpty());
    }

    /// Opens the form to change the selected person's name, roles and member.
    public void startEdit() {
        Row r = selected.get();
        if (r == null) {
            return;
        }
        Member m = r.person().member() == null ? null : memberChoices.stream()
                .filter(x -> x.id().equals(r.person().member())).findFirst().orElse(null);
        form.startEdit(r.person(), m);
    }

    /// Opens the form for the person working to change their own PIN.
    public void startChangePin() {
        Person me = who.byProperty().get();
        if (me != null) {
            form.startPin(me);
        }
    }

    public void cancelForm() {
        form.close();
    }

    /// Saves what the form holds: a new person, changed details, or a new PIN.
    public void save() {
        if (!canSave.get()) {
            return;
        }
        String name = form.nameProperty().get().strip();
        Set<Role> roles = form.chosenRoles();
        Member m = form.memberProperty().get();
        String memberRef = m == null ? null : m.id();
        String pin = form.pinProperty().get();
        switch (form.modeProperty().get()) {
            case ADD -> {
                boolean firstOne = rows.isEmpty();
                who.run(OpType.PERSON_ADD, () -> people.add(name, roles, memberRef, pin), p -> {
                    form.close();
                    ui.notices().success(ui.i18n().t(firstOne ? "people.addedFirst" : "people.added", p.name()));
                    done(p);
                });
            }
            case EDIT -> {
                Person editing = form.editingProperty().get();
                who.run(OpType.PERSON_UPDATE, () -> people.update(editing.id(),
                        new PeopleService.Changes(name, roles, memberRef)), p -> {
                    form.close();
                    ui.notices().success(ui.i18n().t("people.updated", p.name()));
                    done(p);
                });
            }
            case PIN -> {
                Person me = form.editingProperty().get();
                String current = form.currentPinProperty().get();
                ui.async().run(() -> {
                    people.changePin(me.id(), current, pin);
                    return me;
                }, p -> {
                    form.close();
                    ui.notices().success(ui.i18n().t("people.pinChanged", p.name()));
                    changed();
                });
            }
            case CLOSED -> { }
        }
    }

    private void done(Person p) {
        selected.set(new Row(p, ""));
        who.refresh();
        changed();
    }

    /// The roles of a person in plain words.
    public String roles(Person p) {
        return coop.minka.ui.common.Labels.roles(ui.i18n(), p.roles());
    }

    /// What one role may do, in one line.
    public String explain(Role r) {
        return RoleWords.explain(ui.i18n(), r);
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Member> memberChoices() {
        return memberChoices;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public PersonForm form() {
        return form;
    }

    public WhoIsWorking who() {
        return who;
    }

    public BooleanBinding canAddBinding() {
        return canAdd;
    }

    public BooleanBinding canEditBinding() {
        return canEdit;
    }

    public BooleanBinding canChangePinBinding() {
        return canChangePin;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public StringBinding pinErrorBinding() {
        return pinError;
    }

    public StringBinding rolesErrorBinding() {
        return rolesError;
    }
}
