package com.parkingspots.spots.internal;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.config.PlatformProperties;
import com.parkingspots.shared.config.StartupNotes;
import com.parkingspots.shared.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A believable marketplace in Athens on the first start of an empty embedded database: a few hundred spots on real
 * streets, with varied types, prices, amenities and hours, owned by a demo owner, and a demo renter to book them.
 * {@code PARKINGSPOTS_DEMO_DATA=false} turns it off; against an external database it runs only with {@code true}.
 */
@Component
class DemoMarketplace implements ApplicationRunner, StartupNotes {

    static final String OWNER_EMAIL = "owner@demo.parkingspots.app";
    static final String RENTER_EMAIL = "renter@demo.parkingspots.app";
    static final String ADMIN_EMAIL = "admin@demo.parkingspots.app";
    static final String PASSWORD = "demo-parking-2026";
    static final int SPOTS = 300;

    private static final Logger log = LoggerFactory.getLogger(DemoMarketplace.class);

    private record Area(String name, String city, String zip, double lat, double lon, int weight, String... streets) {}

    private static final List<Area> AREAS = List.of(
            new Area(
                    "Syntagma",
                    "Athens",
                    "105 57",
                    37.9755,
                    23.7348,
                    9,
                    "Ermou",
                    "Mitropoleos",
                    "Filellinon",
                    "Karageorgi Servias",
                    "Voulis",
                    "Othonos"),
            new Area(
                    "Plaka",
                    "Athens",
                    "105 58",
                    37.9720,
                    23.7300,
                    5,
                    "Adrianou",
                    "Kydathineon",
                    "Lysikratous",
                    "Tripodon"),
            new Area(
                    "Monastiraki", "Athens", "105 55", 37.9761, 23.7255, 6, "Athinas", "Ifestou", "Pandrosou", "Areos"),
            new Area(
                    "Psyrri", "Athens", "105 54", 37.9784, 23.7240, 5, "Aiolou", "Agion Anargyron", "Sarri", "Miaouli"),
            new Area(
                    "Kolonaki",
                    "Athens",
                    "106 73",
                    37.9790,
                    23.7430,
                    8,
                    "Skoufa",
                    "Tsakalof",
                    "Patriarchou Ioakeim",
                    "Voukourestiou",
                    "Kanari",
                    "Irodotou"),
            new Area(
                    "Exarchia",
                    "Athens",
                    "106 81",
                    37.9865,
                    23.7335,
                    6,
                    "Themistokleous",
                    "Kallidromiou",
                    "Emmanouil Benaki",
                    "Valtetsiou",
                    "Tsamadou"),
            new Area(
                    "Omonia",
                    "Athens",
                    "104 31",
                    37.9842,
                    23.7281,
                    7,
                    "Panepistimiou",
                    "Stadiou",
                    "Agiou Konstantinou",
                    "Sokratous",
                    "3is Septemvriou"),
            new Area("Koukaki", "Athens", "117 42", 37.9650, 23.7240, 6, "Veikou", "Drakou", "Falirou", "Zinni"),
            new Area(
                    "Pangrati",
                    "Athens",
                    "116 35",
                    37.9680,
                    23.7480,
                    6,
                    "Ymittou",
                    "Archimidous",
                    "Spyrou Merkouri",
                    "Empedokleous"),
            new Area(
                    "Kypseli",
                    "Athens",
                    "113 61",
                    38.0010,
                    23.7380,
                    5,
                    "Fokionos Negri",
                    "Agias Zonis",
                    "Kypselis",
                    "Drosopoulou"),
            new Area(
                    "Ampelokipoi",
                    "Athens",
                    "115 23",
                    37.9880,
                    23.7600,
                    6,
                    "Leoforos Alexandras",
                    "Panormou",
                    "Mesogeion",
                    "Soutsou"),
            new Area(
                    "Gazi",
                    "Athens",
                    "118 54",
                    37.9785,
                    23.7130,
                    4,
                    "Persefonis",
                    "Triptolemou",
                    "Voutadon",
                    "Konstantinoupoleos"),
            new Area(
                    "Neos Kosmos",
                    "Athens",
                    "117 45",
                    37.9580,
                    23.7290,
                    4,
                    "Leoforos Syngrou",
                    "Frantzi",
                    "Kallirrois",
                    "Dimitrakopoulou"),
            new Area(
                    "Petralona",
                    "Athens",
                    "118 51",
                    37.9700,
                    23.7130,
                    4,
                    "Troon",
                    "Kydantidon",
                    "Dimofontos",
                    "Apostolou Pavlou"),
            new Area(
                    "Metaxourgeio",
                    "Athens",
                    "104 37",
                    37.9850,
                    23.7200,
                    3,
                    "Leonidou",
                    "Kolokynthous",
                    "Megalou Alexandrou",
                    "Achilleos"),
            new Area("Zografou", "Zografou", "157 72", 37.9770, 23.7700, 3, "Papagou", "Ilision", "Gianni Kyprou"),
            new Area(
                    "Kallithea",
                    "Kallithea",
                    "176 71",
                    37.9550,
                    23.7020,
                    3,
                    "Leoforos Thiseos",
                    "Davaki",
                    "Sivitanidou",
                    "Eleftheriou Venizelou"),
            new Area(
                    "Nea Smyrni",
                    "Nea Smyrni",
                    "171 21",
                    37.9440,
                    23.7140,
                    3,
                    "Leoforos Eleftherias",
                    "Omirou",
                    "Plastira"),
            new Area(
                    "Marousi",
                    "Marousi",
                    "151 24",
                    38.0500,
                    23.8080,
                    3,
                    "Leoforos Kifisias",
                    "Vasilissis Sofias",
                    "Ermou",
                    "Dionysou"),
            new Area(
                    "Glyfada",
                    "Glyfada",
                    "166 75",
                    37.8650,
                    23.7530,
                    3,
                    "Leoforos Vouliagmenis",
                    "Lazaraki",
                    "Metaxa",
                    "Grigoriou Lampraki"),
            new Area(
                    "Piraeus",
                    "Piraeus",
                    "185 31",
                    37.9420,
                    23.6460,
                    3,
                    "Akti Miaouli",
                    "Iroon Polytechniou",
                    "Notara",
                    "Karaoli kai Dimitriou"),
            new Area(
                    "Chalandri",
                    "Chalandri",
                    "152 31",
                    38.0210,
                    23.7990,
                    2,
                    "Agias Paraskevis",
                    "Andrea Papandreou",
                    "Kolokotroni"));

    private static final String[] TYPES = {"garage", "covered", "outdoor", "driveway", "lot", "indoor"};
    private static final String[] SIZES = {
        "compact", "standard", "standard", "standard", "large", "motorcycle", "oversized"
    };
    private static final Map<String, String> TITLES = Map.of(
            "garage", "Private garage on %s",
            "covered", "Covered space on %s",
            "outdoor", "Open-air spot on %s",
            "driveway", "Driveway on %s",
            "lot", "Parking lot space, %s",
            "indoor", "Underground parking on %s");

    private final SpotsProperties properties;
    private final PlatformProperties platform;
    private final UserAccounts accounts;
    private final Spots spots;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MarketplaceSync marketplace;
    private final Clock clock;

    DemoMarketplace(
            SpotsProperties properties,
            PlatformProperties platform,
            UserAccounts accounts,
            Spots spots,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            MarketplaceSync marketplace,
            Clock clock) {
        this.properties = properties;
        this.platform = platform;
        this.accounts = accounts;
        this.spots = spots;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.marketplace = marketplace;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (wanted(properties.demoData(), platform.embedded()) && !seedIfEmpty()) {
            addAdminToAnEarlierDemo();
        }
    }

    /** The demo sign-ins, printed with the address once the server is ready, while the demo is on and exists. */
    @Override
    public List<String> lines() {
        if (!wanted(properties.demoData(), platform.embedded()) || !accounts.exists(OWNER_EMAIL)) {
            return List.of();
        }
        return List.of(
                "Demo marketplace: " + SPOTS + " parking spots in Athens, Greece. Sign in as",
                "  the demo owner:  " + OWNER_EMAIL + "  password: " + PASSWORD,
                "  the demo renter: " + RENTER_EMAIL + "  password: " + PASSWORD,
                "  the demo admin:  " + ADMIN_EMAIL + "  password: " + PASSWORD,
                "(Demo accounts. Turn this off with PARKINGSPOTS_DEMO_DATA=false.)");
    }

    /** {@code auto} seeds the embedded database only: an external one gets demo data only when asked. */
    static boolean wanted(String setting, boolean embeddedDatabase) {
        return setting.equals("true") || setting.equals("auto") && embeddedDatabase;
    }

    /** Seeds the demo marketplace when no spot exists yet (the first start); returns whether it did. */
    boolean seedIfEmpty() {
        long existing =
                jdbc.sql("SELECT count(*) FROM parking_spots").query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        seed();
        return true;
    }

    /** A demo marketplace made before the demo admin existed gets it on its next start. */
    void addAdminToAnEarlierDemo() {
        if (accounts.exists(OWNER_EMAIL) && !accounts.exists(ADMIN_EMAIL)) {
            accounts.ensureDemoUser(ADMIN_EMAIL, PASSWORD, "Demo administrator", Role.ADMIN);
            log.info("Demo admin added: {}  password: {}", ADMIN_EMAIL, PASSWORD);
        }
    }

    /** Creates the demo accounts (unless they exist) and the demo spots, and prints how to sign in. */
    UUID seed() {
        UUID owner = accounts.ensureDemoUser(OWNER_EMAIL, PASSWORD, "Eleni Papadaki (demo owner)", Role.OWNER);
        accounts.ensureDemoUser(RENTER_EMAIL, PASSWORD, "Nikos Georgiou (demo renter)", Role.RENTER);
        accounts.ensureDemoUser(ADMIN_EMAIL, PASSWORD, "Demo administrator", Role.ADMIN);
        transactions.executeWithoutResult(status -> {
            Random random = new Random(2026);
            Instant now = clock.instant();
            for (int i = 0; i < SPOTS; i++) {
                Map<String, @Nullable Object> columns = spot(random, i);
                spots.insert(UUID.randomUUID(), owner, columns, now.minusSeconds((long) (SPOTS - i) * 3600));
            }
            marketplace.spotChanged();
        });
        log.info("Demo marketplace created: {} parking spots in Athens, Greece", SPOTS);
        return owner;
    }

    private Map<String, @Nullable Object> spot(Random random, int index) {
        Area area = pick(random);
        String street = area.streets()[random.nextInt(area.streets().length)];
        String type = TYPES[random.nextInt(TYPES.length)];
        boolean central = area.city().equals("Athens");
        // a few hundred metres around the neighbourhood's centre
        double lat = area.lat() + random.nextGaussian() * 0.0035;
        double lon = area.lon() + random.nextGaussian() * 0.0045;
        int hourly = (central ? 250 : 120) + 10 * random.nextInt(central ? 36 : 20);
        Map<String, @Nullable Object> c = new LinkedHashMap<>();
        c.put("title", TITLES.get(type).formatted(street));
        c.put(
                "description",
                "%s parking in %s, %d minutes' walk from the nearest metro or tram stop."
                        .formatted(
                                type.equals("garage") || type.equals("indoor") ? "Secure" : "Convenient",
                                area.name(),
                                2 + random.nextInt(10)));
        c.put("spot_type", type);
        c.put("vehicle_size", SIZES[random.nextInt(SIZES.length)]);
        c.put("address", street + " " + (1 + random.nextInt(180)) + ", " + area.name());
        c.put("city", area.city());
        c.put("state", "Attica");
        c.put("zip_code", area.zip());
        c.put("country", "Greece");
        c.put("latitude", Math.round(lat * 1e6) / 1e6);
        c.put("longitude", Math.round(lon * 1e6) / 1e6);
        c.put("hourly_rate", hourly);
        c.put("daily_rate", random.nextInt(4) == 0 ? null : hourly * (6 + random.nextInt(4)));
        c.put("monthly_rate", random.nextInt(3) == 0 ? hourly * (90 + random.nextInt(60)) : null);
        c.put("currency", "eur");
        boolean roofed = type.equals("garage") || type.equals("covered") || type.equals("indoor");
        c.put("is_covered", roofed);
        c.put("has_ev_charging", random.nextInt(5) == 0);
        c.put("has_security", roofed ? random.nextInt(3) > 0 : random.nextInt(5) == 0);
        c.put("has_lighting", random.nextInt(4) > 0);
        c.put("is_handicap_accessible", random.nextInt(4) == 0);
        c.put(
                "access_instructions",
                switch (type) {
                    case "garage", "indoor" -> "The owner sends the door code after booking. Ramp on the left.";
                    case "driveway" -> "Ring the bell marked with the owner's name; do not block the gate.";
                    default -> "Look for the sign with the spot number.";
                });
        String hours = hours(random, type);
        c.put("operating_hours", hours);
        c.put("time_zone", "Europe/Athens");
        c.put("images", "[]");
        c.put(
                "open_week",
                WeeklySchedule.of(hours == null ? null : json.readTree(hours), List.of())
                        .toMultirange());
        return c;
    }

    private static @Nullable String hours(Random random, String type) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            return null; // open around the clock
        }
        List<String> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            String name = WeeklySchedule.DAYS.get(d);
            String value;
            if (kind < 7) { // business hours, shorter at weekends
                value = d < 5
                        ? "{\"open\":\"07:00\",\"close\":\"22:00\"}"
                        : d == 5 ? "{\"open\":\"09:00\",\"close\":\"20:00\"}" : "{\"closed\":true}";
            } else if (kind < 9 || type.equals("lot")) { // commuter spot
                value = "{\"open\":\"08:00\",\"close\":\"20:00\"}";
            } else { // a resident's driveway, free overnight
                value = "{\"open\":\"18:00\",\"close\":\"08:00\"}";
            }
            days.add("\"" + name + "\":" + value);
        }
        return "{" + String.join(",", days) + "}";
    }

    private static Area pick(Random random) {
        int total = AREAS.stream().mapToInt(Area::weight).sum();
        int r = random.nextInt(total);
        for (Area area : AREAS) {
            r -= area.weight();
            if (r < 0) {
                return area;
            }
        }
        return AREAS.getLast();
    }
}
