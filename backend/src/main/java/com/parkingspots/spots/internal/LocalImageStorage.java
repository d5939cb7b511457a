package com.parkingspots.spots.internal;

import com.parkingspots.shared.config.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/** Photos as files: {@code <data dir>/media/spots/<spot id>/<random>.<ext>}, served at {@code /media/spots/...}. */
@Component
class LocalImageStorage implements ImageStorage {

    static final String URL_PREFIX = "/media/spots/";
    private static final Pattern OWN_URL = Pattern.compile("/media/spots/([0-9a-f-]{36})/([0-9a-f]{32}\\.(jpg|webp))");
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
        Path directory = root.resolve(spotId.toString());
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
    public boolean owns(String url) {
        return OWN_URL.matcher(url).matches();
    }

    @Override
    public void delete(String url) {
        var match = OWN_URL.matcher(url);
        if (!match.matches()) {
            return;
        }
        try {
            Files.deleteIfExists(root.resolve(match.group(1)).resolve(match.group(2)));
        } catch (IOException e) {
            log.warn("Cannot delete image {}: {}", url, e.getMessage());
        }
    }

    @Override
    public void deleteAll(UUID spotId) {
        try {
            FileSystemUtils.deleteRecursively(root.resolve(spotId.toString()));
        } catch (IOException e) {
            log.warn("Cannot delete the images of spot {}: {}", spotId, e.getMessage());
        }
    }
}
