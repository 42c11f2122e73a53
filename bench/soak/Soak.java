import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak load: a mix of reads and writes through the gateway with one API key, first as
 * fast as a fixed number of clients can go (the maximum), then at a fixed rate (an open
 * model: requests start on schedule whether or not earlier ones have answered) for a
 * while, reporting every interval: requests, errors, p50, p99 and max.
 *
 * <pre>
 * java bench/soak/Soak.java max  GATEWAY KEY SECONDS CLIENTS
 * java bench/soak/Soak.java rate GATEWAY KEY SECONDS REQUESTS_PER_SECOND INTERVAL_SECONDS
 * </pre>
 *
 * The mix, per ten requests: product list, order list, claims list, a product, the
 * analytics, the request log, two product writes, one order write, one claims list
 * filtered by state. Writes create new products and orders (unique SKUs and numbers).
 */
public class Soak {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	static final AtomicLong SEQUENCE = new AtomicLong();

	static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

	record Sample(long startedNanos, long micros, int status) {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String gateway = args[1];
		String key = args[2];
		int seconds = Integer.parseInt(args[3]);
		if (mode.equals("max")) {
			max(gateway, key, seconds, Integer.parseInt(args[4]));
		}
		else {
			rate(gateway, key, seconds, Double.parseDouble(args[4]), Integer.parseInt(args[5]));
		}
		System.exit(0);
	}

	/** CLIENTS clients, each sending its next request when the last one answered. */
	static void max(String gateway, String key, int seconds, int clients) throws Exception {
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			new Thread(() -> {
				while (System.nanoTime() < end) {
					samples.add(send(gateway, key).join());
				}
				done.countDown();
			}).start();
		}
		done.await();
		List<Sample> all = new ArrayList<>(samples);
		System.out.printf(Locale.ROOT, "max: %d clients, %d s: %.0f requests/s, %s%n", clients, seconds,
				all.size() / (double) seconds, describe(all));
	}

	/** Requests started on a fixed schedule; a line per interval. */
	static void rate(String gateway, String key, int seconds, double perSecond, int interval) throws Exception {
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		// at most this many requests in flight: beyond it the gateway is not keeping up,
		// and a request that cannot start on time is counted as an error (not sent)
		Semaphore inFlight = new Semaphore(2_000);
		AtomicLong notSent = new AtomicLong();
		long periodNanos = (long) (1e9 / perSecond);
		long started = System.nanoTime();
		clock.scheduleAtFixedRate(() -> {
			if (!inFlight.tryAcquire()) {
				notSent.incrementAndGet();
				return;
			}
			send(gateway, key).whenComplete((sample, failure) -> {
				inFlight.release();
				samples.add(sample);
			});
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		System.out.printf(Locale.ROOT, "rate: %.0f requests/s for %d s%n", perSecond, seconds);
		System.out.println("  minute  requests  errors  p50 ms  p99 ms  max ms");
		List<Sample> all = new ArrayList<>();
		for (int t = interval; t <= seconds; t += interval) {
			long due = started + TimeUnit.SECONDS.toNanos(t);
			TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
			List<Sample> window = new ArrayList<>();
			for (Sample s; (s = samples.poll()) != null;) {
				window.add(s);
			}
			all.addAll(window);
			System.out.printf(Locale.ROOT, "  %6.1f  %s%n", t / 60.0, row(window));
		}
		clock.shutdownNow();
		System.out.printf(Locale.ROOT, "total: %s; not sent for lack of capacity: %d%n", describe(all), notSent.get());
	}

	static java.util.concurrent.CompletableFuture<Sample> send(String gateway, String key) {
		long n = SEQUENCE.incrementAndGet();
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.timeout(Duration.ofSeconds(30))
			.header("X-API-Key", key);
		switch ((int) (n % 10)) {
			case 0 -> request.uri(URI.create(gateway + "/api/v1/products?size=20"));
			case 1 -> request.uri(URI.create(gateway + "/api/v1/orders?size=20"));
			case 2 -> request.uri(URI.create(gateway + "/api/v1/claims?first=20"));
			case 3 -> request.uri(URI.create(gateway + "/api/v1/analytics"));
			case 4 -> request.uri(URI.create(gateway + "/api/v1/audit/requests?size=20"));
			case 5, 6 -> request.uri(URI.create(gateway + "/api/v1/products"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("[{\"name\": \"Soak " + n + "\", \"sku\": \"SOAK-" + RUN
						+ "-" + n + "\", \"category\": \"Audio\", \"price\": 19.99, \"warrantyMonths\": 12}]"));
			case 7 -> request.uri(URI.create(gateway + "/api/v1/orders"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("[{\"orderNumber\": \"SOAK-" + RUN + "-" + n
						+ "\", \"status\": \"DELIVERED\", \"customer\": {\"email\": \"soak@example.com\", \"name\": "
						+ "\"Soak\"}, \"lineItems\": [{\"sku\": \"WHP-001\", \"quantity\": 1, \"price\": 149.99}]}]"));
			case 8 -> request.uri(URI.create(gateway + "/api/v1/products?category=Audio&size=20"));
			default -> request.uri(URI.create(gateway + "/api/v1/claims?first=20&claimState=NEW"));
		}
		long start = System.nanoTime();
		return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> new Sample(start, (System.nanoTime() - start) / 1000,
					(failure != null) ? 0 : response.statusCode()));
	}

	static String row(List<Sample> window) {
		if (window.isEmpty()) {
			return "       0       -       -       -       -";
		}
		List<Long> micros = sorted(window);
		return String.format(Locale.ROOT, "%8d  %6d  %6.1f  %6.1f  %6.1f", window.size(), errors(window),
				percentile(micros, 50), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0);
	}

	static String describe(List<Sample> all) {
		List<Long> micros = sorted(all);
		Map<Integer, Integer> statuses = new TreeMap<>();
		all.forEach((s) -> statuses.merge(s.status(), 1, Integer::sum));
		return String.format(Locale.ROOT, "%d requests, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms, statuses %s",
				all.size(), errors(all), percentile(micros, 50), percentile(micros, 99),
				micros.isEmpty() ? 0 : micros.get(micros.size() - 1) / 1000.0, statuses);
	}

	/** Errors: no answer, or an answer other than 200 and 201. */
	static long errors(List<Sample> samples) {
		return samples.stream().filter((s) -> s.status() != 200 && s.status() != 201).count();
	}

	static List<Long> sorted(List<Sample> samples) {
		List<Long> micros = new ArrayList<>(samples.size());
		samples.forEach((s) -> micros.add(s.micros()));
		Collections.sort(micros);
		return micros;
	}

	static double percentile(List<Long> sortedMicros, double p) {
		if (sortedMicros.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100 * sortedMicros.size()) - 1;
		return sortedMicros.get(Math.max(0, Math.min(sortedMicros.size() - 1, rank))) / 1000.0;
	}

}
