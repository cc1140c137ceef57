package org.derivcheck.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One part {@code I/N} of a class (I from 0 to N-1), for grading on many machines at once: a submission
 * belongs to the shard {@code SHA-256(id) mod N}, so the split depends only on the submission's id and N,
 * never on the machine, the order of the listing, or which shards have run. Ids are assigned over the
 * whole folder first, exactly as an unsharded run assigns them, so shard outputs merge without clashes.
 */
public record Shard(int index, int count) {
    /** The whole class. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || count > 100_000 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with N from 1 to 100000 and I from 0 to N-1, not "
                    + index + "/" + count);
        }
    }

    /** Parses {@code I/N}, e.g. {@code 0/3}. */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/", -1);
        if (p.length != 2 || !p[0].matches("\\d{1,6}") || !p[1].matches("\\d{1,6}")) {
            throw new IllegalArgumentException("--shard must be I/N (e.g. 0/3 for the first of three), not '" + text + "'");
        }
        return new Shard(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    /** True when the submission with this id is graded by this shard. */
    public boolean holds(String id) {
        if (count == 1) {
            return true;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return Long.remainderUnsigned(v, count) == index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One submission of this shard: where it stands among all the class's (for the merged order) and it. */
    public record Member(int position, Submission submission) {
    }

    /**
     * Reads only this shard's submissions of the folder (ids as {@link SubmissionReader#readAll} gives them,
     * assigned over every entry), with each one's position in the whole class.
     */
    public List<Member> read(Path dir) throws IOException {
        List<Member> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (Path p : SubmissionReader.entries(dir)) {
            String base = Grader.safeId(p);
            String id = base;
            for (int k = 2; !ids.add(id); k++) {
                id = base + "-" + k;
            }
            if (holds(id)) {
                Submission s = SubmissionReader.read(p);
                out.add(new Member(position, id.equals(s.id()) ? s : new Submission(id, s.files(), s.chains(), s.symbols(),
                        s.definitions(), s.assumptions(), s.error())));
            }
            position++;
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
