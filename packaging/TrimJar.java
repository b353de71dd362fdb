import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/// Copies the shaded Minka jar, leaving out the SQLite driver's native libraries for
/// the platforms an installer will never run on (about 11 MB of the jar).
///
/// Run with the JDK's source launcher, on any OS:
///
///     java packaging/TrimJar.java IN.jar OUT.jar OS/ARCH [OS/ARCH ...]
///
/// OS/ARCH is a folder under `org/sqlite/native/` in the jar, e.g. `Linux/x86_64`,
/// `Linux/aarch64`, `Windows/x86_64`, `Mac/aarch64`, `Mac/x86_64`. Every other entry
/// is copied unchanged, in the same order (so META-INF/MANIFEST.MF stays first).
public final class TrimJar {
    private static final String NATIVE = "org/sqlite/native/";

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java TrimJar.java IN.jar OUT.jar OS/ARCH [OS/ARCH ...]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> keep = List.of(args).subList(2, args.length).stream()
                .map(k -> NATIVE + k.replaceAll("^/+|/+$", "") + "/").toList();
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int kept = 0;
        int dropped = 0;
        boolean keptNative = false;
        try (ZipFile zin = new ZipFile(in.toFile());
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var it = zin.entries().asIterator(); it.hasNext(); ) {
                ZipEntry e = it.next();
                String name = e.getName();
                if (name.startsWith(NATIVE) && !e.isDirectory()
                        && keep.stream().noneMatch(name::startsWith)) {
                    dropped++;
                    continue;
                }
                keptNative |= name.startsWith(NATIVE) && !e.isDirectory();
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (e.getComment() != null) {
                    copy.setComment(e.getComment());
                }
                zout.putNextEntry(copy);
                try (InputStream data = zin.getInputStream(e)) {
                    data.transferTo(zout);
                }
                zout.closeEntry();
                kept++;
            }
        }
        if (!keptNative) {
            Files.deleteIfExists(tmp);
            System.err.println("TrimJar: no SQLite native library left for " + keep
                    + "; check the OS/ARCH names against org/sqlite/native/ in " + in);
            System.exit(1);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("TrimJar: %s -> %s (%d entries kept, %d native libraries dropped)%n",
                in, out, kept, dropped);
    }

    private TrimJar() {
    }
}
