package cn.childprotect.cms.evidence;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Blobs in the database, in chunks of 1 MiB (each statement stays under the server's packet limit). */
@Component
class DatabaseBlobStore implements BlobStore {

    static final int CHUNK = 1024 * 1024;

    private final JdbcTemplate jdbc;

    DatabaseBlobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String put(byte[] sealed) {
        String key = "db:" + UUID.randomUUID();
        for (int seq = 0, from = 0; from < sealed.length || seq == 0; seq++, from += CHUNK) {
            byte[] part = java.util.Arrays.copyOfRange(sealed, from, Math.min(sealed.length, from + CHUNK));
            jdbc.update("insert into evidence_chunk (storage_key, seq, bytes) values (?, ?, ?)", key, seq, part);
        }
        return key;
    }

    @Override
    public byte[] get(String key) {
        List<byte[]> parts = jdbc.query("select bytes from evidence_chunk where storage_key = ? order by seq",
                (rs, n) -> rs.getBytes(1), key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
