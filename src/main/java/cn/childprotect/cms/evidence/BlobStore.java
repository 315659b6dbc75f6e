package cn.childprotect.cms.evidence;

/**
 * Where attachment bytes are kept, already encrypted by the caller: the database by default
 * ({@link DatabaseBlobStore}, so backups and several instances just work); an S3-compatible store can
 * implement this later without touching the rest (docs/domain.md §3.4).
 */
public interface BlobStore {

    /** Stores the bytes under a new key and returns it; in the caller's transaction where the store has one. */
    String put(byte[] sealed);

    byte[] get(String key);
}
