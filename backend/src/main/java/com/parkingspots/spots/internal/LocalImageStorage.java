package com.parkingspots.spots.internal;

import com.parkingspots.shared.config.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/** Photos as files: {@code <data dir>/media/spots/<spot id>/<random>.<ext>}, served at {@code /media/spots/...}. */
@Component
class LocalImageStorage implements ImageStorage {

    static final String URL_PREFIX = "/media/spots/";
    private static final Pattern OWN_URL =
            Pattern.compile("/media/spots/([0-9a-f-]{36})/([0-9a-f]{32}\\.(?:jpg|webp))");
    private static final Logger log = LoggerFactory.getLogger(LocalImageStorage.class);

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    LocalImageStorage(PlatformProperties platform) {
        this.root =
                platform.dataDir().toAbsolutePath().normalize().resolve("media").resolve("spots");
    }

    Path root() {
        return root;
    }

    @Override
    public String store(UUID spotId, byte[] content, String extension) {
        byte[] name = new byte[16];
        random.nextBytes(name);
        String file = HexFormat.of().formatHex(name) + "." + extension;
        Path directory = directory(spotId);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "upload", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, directory.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an image in " + directory, e);
        }
        return URL_PREFIX + spotId + "/" + file;
    }

    @Override
    public Optional<UUID> spotOf(String url) {
        return file(url)
                .map(Path::getParent)
                .map(directory -> UUID.fromString(directory.getFileName().toString()));
    }

    @Override
    public boolean exists(String url) {
        return file(url).filter(Files::isRegularFile).isPresent();
    }

    @Override
    public void delete(UUID spotId, String url) {
        Optional<Path> file = file(url).filter(f -> f.getParent().equals(directory(spotId)));
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(file.get());
        } catch (IOException e) {
            log.warn("Cannot delete image {}: {}", url, e.getMessage());
        }
    }

    /**
     * The file an own URL names: exactly {@code /media/spots/<canonical lower-case uuid>/<32 hex>.<jpg|webp>}, so no
     * {@code ..}, percent-encoding, query, upper-case or other spelling of a path can reach another directory.
     */
    private Optional<Path> file(String url) {
        Matcher match = OWN_URL.matcher(url);
        if (!match.matches()) {
            return Optional.empty();
        }
        UUID spotId;
        try {
            spotId = UUID.fromString(match.group(1));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        if (!spotId.toString().equals(match.group(1))) {
            return Optional.empty();
        }
        Path file = directory(spotId).resolve(match.group(2)).normalize();
        return file.getParent().equals(directory(spotId)) ? Optional.of(file) : Optional.empty();
    }

    private Path directory(UUID spotId) {
        return root.resolve(spotId.toString());
    }

    @Override
    public void deleteAll(UUID spotId) {
        try {
            FileSystemUtils.deleteRecursively(directory(spotId));
        } catch (IOException e) {
            log.warn("Cannot delete the images of spot {}: {}", spotId, e.getMessage());
        }
    }
}
