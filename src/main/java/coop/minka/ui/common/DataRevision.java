package coop.minka.ui.common;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/// Bumped after every change to the books, so that screens showing older figures reload.
public final class DataRevision {
    private final LongProperty revision = new SimpleLongProperty();

    public void changed() {
        revision.set(revision.get() + 1);
    }

    public LongProperty property() {
        return revision;
    }
}
