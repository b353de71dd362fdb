package coop.minka.ui.sync;

import coop.minka.app.sync.ConflictService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkKind;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.UiContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// "Decisions to take": the conflicts two laptops left, read like an agenda for the assembly.
/// Each card says what changed, the two values with the laptop and the day each was written,
/// and asks which one stays; deciding writes entries that travel with the next sync file and
/// takes the card away. Part of the Sync screen: [SyncViewModel] reloads it with the screen.
public final class ConflictsViewModel {
    private final UiContext ui;
    private final ConflictService conflicts;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final BooleanBinding any = Bindings.isNotEmpty(cards);

    /// One decision as the card shows it: the sentence, the question and the two buttons' texts.
    public record Card(ConflictService.Conflict conflict, String sentence, String keep, String take) {
    }

    public ConflictsViewModel(UiContext ui, ConflictService conflicts) {
        this.ui = ui;
        this.conflicts = conflicts;
    }

    /// Loads the open decisions (in the background).
    public void reload() {
        ui.async().run(conflicts::list, list -> cards.setAll(list.stream().map(this::card).toList()));
    }

    // ---------------------------------------------------------------- commands

    /// The current value stays.
    public void keep(Card card) {
        decide(card, ConflictService.Choice.KEEP_CURRENT);
    }

    /// The other laptop's value is taken.
    public void takeOther(Card card) {
        decide(card, ConflictService.Choice.TAKE_OTHER);
    }

    private void decide(Card card, ConflictService.Choice choice) {
        ui.async().run(() -> conflicts.resolve(card.conflict().id(), choice), d -> {
            cards.remove(card);
            ui.notices().success(ui.i18n().t("conflicts.decided", values(card.conflict(),
                    choice == ConflictService.Choice.KEEP_CURRENT ? ConflictService.Change::current
                            : ConflictService.Change::other)));
            ui.revision().changed();
        });
    }

    /// Every open decision as plain numbered text, for the meeting's agenda or minutes.
    public String agenda() {
        List<String> lines = new ArrayList<>();
        lines.add(ui.i18n().t("conflicts.title"));
        lines.add("");
        int n = 0;
        for (Card c : cards) {
            lines.add(++n + ". " + c.sentence());
            lines.add("");
        }
        return String.join(System.lineSeparator(), lines);
    }

    /// Saves [#agenda] as a text file the treasurer can print or read out at the meeting.
    public void saveAgenda() {
        String text = agenda();
        ui.dialogs().saveFile(ui.i18n().t("conflicts.saveTitle"), ui.i18n().t("conflicts.fileName") + ".txt")
                .ifPresent(file -> ui.async().run(() -> {
                    try {
                        return Files.writeString(file, text, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new MinkaException(ErrorCode.CANNOT_WRITE, e, file);
                    }
                }, f -> ui.notices().success(ui.i18n().t("conflicts.saved", f.getFileName()))));
    }

    // ---------------------------------------------------------------- texts

    private Card card(ConflictService.Conflict c) {
        I18n i = ui.i18n();
        List<String> fields = c.changes().stream().map(ch -> field(ch.field())).toList();
        String changed = i.t("conflicts.changed", and(fields), what(c));
        ConflictService.Change first = c.changes().getFirst();
        String sentence = changed + " " + i.t("conflicts.both",
                side(values(c, ConflictService.Change::current), first.current()),
                side(values(c, ConflictService.Change::other), first.other())) + " " + i.t("conflicts.question");
        return new Card(c, sentence, i.t("conflicts.keep", values(c, ConflictService.Change::current)),
                i.t("conflicts.take", values(c, ConflictService.Change::other)));
    }

    /// `a`, `a and b`, `a, b and c`.
    private String and(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return ui.i18n().t("conflicts.and", String.join(", ", items.subList(0, items.size() - 1)), items.getLast());
    }

    private String values(ConflictService.Conflict c, Function<ConflictService.Change, ConflictService.Side> side) {
        return String.join(", ", c.changes().stream().map(ch -> value(ch.field(), side.apply(ch).value())).toList());
    }

    /// The value(s) of one side, with the laptop that wrote them and the day.
    private String side(String values, ConflictService.Side s) {
        String day = ui.i18n().date(Instant.ofEpochMilli(s.at()).atZone(ZoneId.systemDefault()).toLocalDate());
        return ui.i18n().t("conflicts.side", values, s.laptop(), day);
    }

    private String what(ConflictService.Conflict c) {
        return switch (c.kind()) {
            case MEMBER -> ui.i18n().t("conflicts.what.member", c.name());
            case ACCOUNT -> ui.i18n().t("conflicts.what.account", c.code(), c.name());
            case CATEGORY -> ui.i18n().t("conflicts.what.category", c.code(), c.name());
            case COOPERATIVE -> ui.i18n().t("conflicts.what.coop", c.name());
            case OTHER -> c.entity();
        };
    }

    private String field(String field) {
        var from = coop.minka.domain.WorkCategory.rateKeyDate(field);
        if (from.isPresent()) {
            return ui.i18n().t("conflicts.field.rateFrom", ui.i18n().date(from.get()));
        }
        return switch (field) {
            case "name" -> ui.i18n().t("conflicts.field.name");
            case "gender" -> ui.i18n().t("conflicts.field.gender");
            case "joined" -> ui.i18n().t("conflicts.field.joined");
            case "status" -> ui.i18n().t("conflicts.field.status");
            case "contact" -> ui.i18n().t("conflicts.field.contact");
            case "notes" -> ui.i18n().t("conflicts.field.notes");
            case "rate" -> ui.i18n().t("conflicts.field.rate");
            case "kind" -> ui.i18n().t("conflicts.field.kind");
            case "archived" -> ui.i18n().t("conflicts.field.archived");
            case "languages" -> ui.i18n().t("conflicts.field.languages");
            default -> field;
        };
    }

    /// A value in words: choices and yes/no translated, an empty value said to be empty.
    private String value(String field, String v) {
        try {
            return switch (field) {
                case "gender" -> ui.i18n().t(Labels.key(Gender.fromWire(v)));
                case "status" -> ui.i18n().t(Labels.key(MemberStatus.fromWire(v)));
                case "kind" -> ui.i18n().t(Labels.key(WorkKind.fromWire(v)));
                case "archived" -> ui.i18n().t(Boolean.parseBoolean(v) ? "conflicts.archived.yes" : "conflicts.archived.no");
                case "joined" -> v.isEmpty() ? ui.i18n().t("conflicts.empty") : ui.i18n().date(LocalDate.parse(v));
                default -> v.isEmpty() ? ui.i18n().t("conflicts.empty") : v;
            };
        } catch (RuntimeException e) {
            return v; // a value this version does not know how to word: shown as written
        }
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<Card> cards() {
        return cards;
    }

    /// True while there is anything to decide.
    public BooleanBinding anyBinding() {
        return any;
    }
}
