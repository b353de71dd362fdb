package coop.minka.domain;

import java.util.List;

/// What one import did, for the person who pressed the button (DESIGN.md §5, import step 5).
///
/// @param file       the bundle's file name as given
/// @param sender     the id of the laptop that wrote it
/// @param senderName that laptop's name
/// @param createdAt  when it was written (sender's clock, ms since 1970)
/// @param authors    one line per author in the bundle
/// @param backup     the backup taken before the import, or null if nothing needed writing
/// @param archive    where the copy of the bundle is kept, or null
/// @param repeated   true if this very file had been imported before
public record ImportReceipt(String file, String sender, String senderName, long createdAt, List<Author> authors,
                            String backup, String archive, boolean repeated) {

    /// Per author: entries new, already known, quarantined (new but from a laptop not admitted
    /// yet), forks found, entries waiting for earlier ones, late entries (dated in a closed
    /// period) and entries stamped far in the future.
    public record Author(String replica, String name, String status, long newOps, long known, long quarantined,
                         long forks, long missing, long late, long farAhead) {
    }

    public long newOps() {
        return authors.stream().mapToLong(Author::newOps).sum();
    }

    public long known() {
        return authors.stream().mapToLong(Author::known).sum();
    }

    public long quarantined() {
        return authors.stream().mapToLong(Author::quarantined).sum();
    }

    public long forks() {
        return authors.stream().mapToLong(Author::forks).sum();
    }

    public boolean nothingNew() {
        return newOps() == 0 && forks() == 0;
    }
}
