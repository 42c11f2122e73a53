package io.claimport.gateway.requestlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The request log's journal on local disk, between the gateway's answers and Kafka.
 * Entries are appended to numbered segment files ({@code 0000000000000001.journal}, …),
 * one line each: the account id (or {@code -}), a tab, and the entry's JSON. The sender
 * reads them back in order and, once Kafka has taken them, records how far in
 * {@code acknowledged} and deletes the segments before that point. So while Kafka is
 * unreachable the entries wait on disk, not in memory, and a gateway that is killed finds
 * on its next start what it had written and not yet sent, and sends it.
 * <p>
 * The journal holds at most {@code maxBytes} (whole segments count until they are
 * deleted); an append beyond that is refused, and the caller counts the entry as dropped.
 * One writer thread appends and one sender thread reads; a lock file keeps a second
 * gateway out of the same directory.
 */
final class RequestLogJournal implements AutoCloseable {

	private static final String SUFFIX = ".journal";

	private static final String ACKNOWLEDGED = "acknowledged";

	private static final int READ_CHUNK = 1 << 20;

	/** An entry as the journal keeps it: its account and its JSON. */
	record Entry(String accountId, String json) {

	}

	/** A place in the journal: a segment and a byte offset in it. */
	record Position(long segment, long offset) {

	}

	/** Entries read, and the position after the last of them. */
	record Batch(List<Entry> entries, Position end) {

	}

	private final Path directory;

	private final long maxBytes;

	private final long segmentBytes;

	private final FileChannel lockChannel;

	private final FileLock lock;

	/** Bytes in the segments on disk, sent or not, until the segments are deleted. */
	private final AtomicLong bytesOnDisk = new AtomicLong();

	// the writer's side
	private volatile long writingSegment;

	private FileChannel writing;

	private long writingSize;

	// the sender's side
	private long readingSegment;

	private long readingOffset;

	private FileChannel reading;

	private long acknowledgedSegment;

	private RequestLogJournal(Path directory, long maxBytes, long segmentBytes) throws IOException {
		this.directory = directory;
		this.maxBytes = maxBytes;
		this.segmentBytes = segmentBytes;
		Files.createDirectories(directory);
		this.lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		this.lock = tryLock(this.lockChannel);
		if (this.lock == null) {
			this.lockChannel.close();
			throw new IllegalStateException("the request-log journal " + directory
					+ " is in use by another gateway; give each gateway a directory of its own");
		}
	}

	/** The lock, or none when another process, or this one, holds it. */
	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	/**
	 * Opens the journal in the directory, creating it if need be, ready to send what an
	 * earlier run left unacknowledged.
	 */
	static RequestLogJournal open(Path directory, long maxBytes, long segmentBytes) {
		try {
			RequestLogJournal journal = new RequestLogJournal(directory, maxBytes, segmentBytes);
			journal.recover();
			return journal;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open the request-log journal in " + directory, ex);
		}
	}

	private void recover() throws IOException {
		Position acknowledged = readAcknowledged();
		List<Long> segments = segments();
		for (long segment : segments) {
			if (segment < acknowledged.segment()) {
				Files.delete(segmentPath(segment));
			}
		}
		segments.removeIf((segment) -> segment < acknowledged.segment());
		long last = segments.isEmpty() ? Math.max(1, acknowledged.segment()) : segments.get(segments.size() - 1);
		if (!segments.isEmpty()) {
			dropTornLine(last);
		}
		for (long segment : segments) {
			this.bytesOnDisk.addAndGet(Files.size(segmentPath(segment)));
		}
		openForWriting(last);
		boolean acknowledgedExists = segments.contains(acknowledged.segment());
		this.readingSegment = acknowledgedExists ? acknowledged.segment()
				: (segments.isEmpty() ? last : segments.get(0));
		this.readingOffset = acknowledgedExists ? acknowledged.offset() : 0;
		this.acknowledgedSegment = this.readingSegment;
	}

	/** A line cut short by a crash while it was written is not an entry: it goes. */
	private void dropTornLine(long segment) throws IOException {
		try (FileChannel channel = FileChannel.open(segmentPath(segment), StandardOpenOption.READ,
				StandardOpenOption.WRITE)) {
			long size = channel.size();
			long keep = size;
			ByteBuffer one = ByteBuffer.allocate(1);
			while (keep > 0) {
				one.clear();
				channel.read(one, keep - 1);
				if (one.get(0) == '\n') {
					break;
				}
				keep--;
			}
			if (keep < size) {
				channel.truncate(keep);
			}
		}
	}

	/**
	 * Appends the entries in order, as many as fit; answers how many did. Writes reach
	 * the operating system (they survive the gateway being killed); {@link #force()}
	 * makes them survive the machine too.
	 */
	int append(List<Entry> entries) {
		List<byte[]> lines = new ArrayList<>(entries.size());
		long room = this.maxBytes - this.bytesOnDisk.get();
		long bytes = 0;
		for (Entry entry : entries) {
			byte[] line = (((entry.accountId() != null) ? entry.accountId() : "-") + '\t' + entry.json() + '\n')
				.getBytes(StandardCharsets.UTF_8);
			if (bytes + line.length > room) {
				break;
			}
			bytes += line.length;
			lines.add(line);
		}
		if (lines.isEmpty()) {
			return 0;
		}
		try {
			if (this.writingSize >= this.segmentBytes) {
				this.writing.force(false);
				this.writing.close();
				openForWriting(this.writingSegment + 1);
			}
			ByteBuffer buffer = ByteBuffer.allocate((int) bytes);
			lines.forEach(buffer::put);
			buffer.flip();
			while (buffer.hasRemaining()) {
				this.writing.write(buffer);
			}
			this.writingSize += bytes;
			this.bytesOnDisk.addAndGet(bytes);
			return lines.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write to the request-log journal in " + this.directory, ex);
		}
	}

	/** Makes what was appended durable: on disk, not only with the operating system. */
	void force() {
		try {
			this.writing.force(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not sync the request-log journal in " + this.directory, ex);
		}
	}

	/**
	 * Up to {@code max} entries after the last ones read, oldest first, without marking
	 * them sent; an empty batch when there are none yet.
	 */
	Batch read(int max) {
		List<Entry> entries = new ArrayList<>();
		try {
			while (entries.size() < max) {
				// the writer moves on to a new segment only after its last write to the
				// old one: read where it writes before the old one's size
				long writingNow = this.writingSegment;
				long size = reading().size();
				if (this.readingOffset >= size) {
					if (this.readingSegment < writingNow) {
						this.reading.close();
						this.reading = null;
						this.readingSegment++;
						this.readingOffset = 0;
						continue;
					}
					break;
				}
				int read = readLines(size, max - entries.size(), entries);
				if (read == 0) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the request-log journal in " + this.directory, ex);
		}
		return new Batch(entries, new Position(this.readingSegment, this.readingOffset));
	}

	/** The segment being read, opened once until the reading moves on. */
	private FileChannel reading() throws IOException {
		if (this.reading == null) {
			this.reading = FileChannel.open(segmentPath(this.readingSegment), StandardOpenOption.READ);
		}
		return this.reading;
	}

	private int readLines(long size, int max, List<Entry> into) throws IOException {
		ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(READ_CHUNK, size - this.readingOffset));
		while (chunk.hasRemaining() && this.reading.read(chunk, this.readingOffset + chunk.position()) > 0) {
			// read on
		}
		byte[] bytes = chunk.array();
		int length = chunk.position();
		int start = 0;
		int read = 0;
		for (int i = 0; i < length && read < max; i++) {
			if (bytes[i] != '\n') {
				continue;
			}
			String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
			int tab = line.indexOf('\t');
			String account = line.substring(0, tab);
			into.add(new Entry(account.equals("-") ? null : account, line.substring(tab + 1)));
			start = i + 1;
			read++;
		}
		if (read == 0 && length == READ_CHUNK) {
			throw new IOException("a line longer than " + READ_CHUNK + " bytes in " + segmentPath(this.readingSegment));
		}
		this.readingOffset += start;
		return read;
	}

	/**
	 * Kafka has taken everything up to the position: remember it, and delete the segments
	 * before it.
	 */
	void acknowledge(Position upTo) {
		try {
			Path written = this.directory.resolve(ACKNOWLEDGED + ".next");
			Files.writeString(written, upTo.segment() + " " + upTo.offset());
			Files.move(written, this.directory.resolve(ACKNOWLEDGED), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			for (long segment = this.acknowledgedSegment; segment < upTo.segment(); segment++) {
				Path path = segmentPath(segment);
				if (Files.exists(path)) {
					long size = Files.size(path);
					Files.delete(path);
					this.bytesOnDisk.addAndGet(-size);
				}
			}
			this.acknowledgedSegment = upTo.segment();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not record what Kafka took in " + this.directory, ex);
		}
	}

	/** Bytes of the journal on disk, sent segments not yet deleted included. */
	long bytes() {
		return this.bytesOnDisk.get();
	}

	long maxBytes() {
		return this.maxBytes;
	}

	Path directory() {
		return this.directory;
	}

	@Override
	public void close() {
		try {
			this.writing.force(false);
			this.writing.close();
			if (this.reading != null) {
				this.reading.close();
			}
			this.lock.release();
			this.lockChannel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void openForWriting(long segment) throws IOException {
		Path path = segmentPath(segment);
		this.writing = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		this.writingSize = this.writing.size();
		this.writingSegment = segment;
	}

	private Position readAcknowledged() throws IOException {
		Path path = this.directory.resolve(ACKNOWLEDGED);
		if (!Files.exists(path)) {
			return new Position(1, 0);
		}
		String[] parts = Files.readString(path).trim().split(" ");
		return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
	}

	private List<Long> segments() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return new ArrayList<>(files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(SUFFIX))
				.map((name) -> Long.parseLong(name.substring(0, name.length() - SUFFIX.length())))
				.sorted()
				.toList());
		}
	}

	private Path segmentPath(long segment) {
		return this.directory.resolve(String.format("%016d%s", segment, SUFFIX));
	}

}
