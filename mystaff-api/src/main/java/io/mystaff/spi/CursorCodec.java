package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors that carry the {@link SortKey} of the last item of a page, so that a listing
 * resumes exactly after it even if the directory changed in between, and that only the listing (and
 * the directory) that issued a cursor accepts it.
 *
 * <p>A cursor is base64url (no padding) of {@code version | tag | body}: {@code tag} is the first 8
 * bytes of HMAC-SHA256, under this codec's key, over the listing's name and the body, so a cursor
 * of another listing, of a directory with another key, or altered in any way is rejected with
 * {@link InvalidInputException}. Stateless: providers on several nodes share a key and accept each
 * other's cursors. Each string of the body is stored in UTF-8 or UTF-16, whichever is shorter.
 *
 * <p>Every cursor fits in {@link PageRequest#MAX_CURSOR_LENGTH} characters, for any name and id. A
 * key whose id and whole display name do not fit (only possible when both are long and mostly
 * non-ASCII) keeps the whole id, the display name cut at a character boundary and a hash of the
 * whole name ("truncate with tie-break"). Decoding such a cursor asks the provider for the current
 * display name of that id: if it still hashes the same, the key is exact again; if the entry was
 * renamed or removed since, the walk resumes after the cut name, a position at or before the
 * original one, so no item is skipped (some may be listed again).
 *
 * @since 0.1.0
 */
public final class CursorCodec {
  private static final byte VERSION = 2;
  private static final byte EXACT = 'k';
  private static final byte CUT = 't';
  private static final byte UTF8 = 8;
  private static final byte UTF16 = 16;
  private static final int TAG_BYTES = 8;
  private static final int HASH_BYTES = 8;
  private static final int MAX_TOKEN_BYTES = PageRequest.MAX_CURSOR_LENGTH / 4 * 3;
  private static final int MIN_KEY_BYTES = 16;
  private static final String FIELD = "page cursor";

  private final SecretKeySpec macKey;

  private CursorCodec(byte[] key) {
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * A codec whose cursors are tagged with {@code key}; codecs with the same key accept each other's
   * cursors. The array is copied.
   *
   * @param key the secret of the HMAC tag, at least 16 bytes
   * @return the codec
   * @throws InvalidInputException if the key is shorter than 16 bytes
   */
  public static CursorCodec withKey(byte[] key) {
    requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw InvalidInputException.of("cursor key", "must be at least " + MIN_KEY_BYTES + " bytes");
    }
    return new CursorCodec(key.clone());
  }

  /**
   * A codec with a fresh random 32-byte key: its cursors work only with this instance.
   *
   * @return the codec
   */
  public static CursorCodec withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new CursorCodec(key);
  }

  /**
   * The page of at most {@code size} items taken from {@code items} (already positioned after the
   * request's cursor, in directory order), with a cursor after the last one if more follow.
   *
   * @param <T> the type of the items
   * @param listing the name of the listing (one per kind of listing, such as all users or one
   *     unit's members); a cursor is accepted only by the listing it was issued for
   * @param items the items in directory order, starting after the request's cursor
   * @param size the most items to take
   * @param keyOf the sort key of an item, for the cursor after the last one
   * @return the page, with a cursor unless {@code items} ran out
   */
  public <T> Page<T> page(
      String listing, Iterator<? extends T> items, int size, Function<? super T, SortKey> keyOf) {
    requireNonNull(listing, "listing");
    List<T> taken = new ArrayList<>(Math.min(size, 64));
    while (taken.size() < size && items.hasNext()) {
      taken.add(items.next());
    }
    if (taken.isEmpty() || !items.hasNext()) {
      return Page.last(taken);
    }
    return new Page<>(
        taken, Optional.of(encode(listing, keyOf.apply(taken.get(taken.size() - 1)))));
  }

  /**
   * The cursor that continues {@code listing} after {@code last}.
   *
   * @param listing the name of the listing (one per kind of listing, such as all users or one
   *     unit's members); a cursor is accepted only by the listing it was issued for
   * @param last the sort key of the last item of a page
   * @return the cursor, at most {@link PageRequest#MAX_CURSOR_LENGTH} characters
   */
  public String encode(String listing, SortKey last) {
    requireNonNull(listing, "listing");
    requireNonNull(last, "last");
    byte[] id = shorter(last.id());
    byte[] name = shorter(last.displayName());
    int fixed = 1 + TAG_BYTES + 1 + 2 + id.length;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (fixed + name.length <= MAX_TOKEN_BYTES) {
      body.write(EXACT);
      writeString(body, id);
      body.writeBytes(name);
    } else {
      body.write(CUT);
      writeString(body, id);
      body.writeBytes(hash(last.displayName()));
      body.writeBytes(cut(last.displayName(), MAX_TOKEN_BYTES - fixed - HASH_BYTES));
    }
    byte[] bytes = body.toByteArray();
    ByteArrayOutputStream token = new ByteArrayOutputStream();
    token.write(VERSION);
    token.writeBytes(tag(listing, bytes));
    token.writeBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toByteArray());
  }

  /**
   * The position the request continues after, or empty for a first page.
   *
   * @param listing the name of the listing (one per kind of listing, such as all users or one
   *     unit's members); a cursor is accepted only by the listing it was issued for
   * @param request the page request, with or without a cursor
   * @param displayNameOfId the current display name of the entry with this id value, if any; asked
   *     only for a cursor whose name was cut
   * @return the sort key after which the page starts, or empty for a first page
   * @throws InvalidInputException if the cursor was not issued by a codec with this key for {@code
   *     listing}, or was altered
   */
  public Optional<SortKey> after(
      String listing, PageRequest request, Function<String, Optional<String>> displayNameOfId) {
    requireNonNull(request, "request");
    return request.cursor().map(c -> decode(listing, c, displayNameOfId));
  }

  /**
   * The sort key a cursor of {@code listing} carries.
   *
   * @param listing the name of the listing (one per kind of listing, such as all users or one
   *     unit's members); a cursor is accepted only by the listing it was issued for
   * @param cursor a cursor that this codec, or one with the same key, issued
   * @param displayNameOfId see {@link #after}
   * @return the sort key the cursor carries
   * @throws InvalidInputException if the cursor was not issued by a codec with this key for {@code
   *     listing}, or was altered
   */
  public SortKey decode(
      String listing, String cursor, Function<String, Optional<String>> displayNameOfId) {
    requireNonNull(listing, "listing");
    requireNonNull(cursor, "cursor");
    requireNonNull(displayNameOfId, "displayNameOfId");
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (token.length < 1 + TAG_BYTES + 1 + 3 || token[0] != VERSION) {
      throw invalid();
    }
    byte[] body = Arrays.copyOfRange(token, 1 + TAG_BYTES, token.length);
    if (!MessageDigest.isEqual(Arrays.copyOfRange(token, 1, 1 + TAG_BYTES), tag(listing, body))) {
      throw invalid();
    }
    ByteBuffer in = ByteBuffer.wrap(body);
    byte kind = in.get();
    String id = readString(in, in.getShort() & 0xFFFF);
    if (kind == EXACT) {
      return new SortKey(readString(in, in.remaining()), id);
    }
    if (kind != CUT || in.remaining() < HASH_BYTES) {
      throw invalid();
    }
    byte[] hash = new byte[HASH_BYTES];
    in.get(hash);
    String prefix = readString(in, in.remaining());
    Optional<String> current = displayNameOfId.apply(id);
    if (current.isPresent()
        && current.get().startsWith(prefix)
        && MessageDigest.isEqual(hash, hash(current.get()))) {
      return new SortKey(current.get(), id);
    }
    return new SortKey(prefix, id);
  }

  private static void writeString(ByteArrayOutputStream out, byte[] encoded) {
    int length = encoded.length;
    out.write(length >>> 8);
    out.write(length);
    out.writeBytes(encoded);
  }

  /**
   * {@code s} as an encoding byte followed by UTF-8 or UTF-16BE, whichever is shorter. A string
   * with an unpaired surrogate (which UTF-8 cannot carry) always takes UTF-16BE, written char by
   * char so that it decodes to the very same string.
   */
  private static byte[] shorter(String s) {
    byte[] utf16 = utf16(s);
    byte[] utf8 = wellFormed(s) ? s.getBytes(StandardCharsets.UTF_8) : utf16;
    byte[] chosen = utf8.length <= utf16.length ? utf8 : utf16;
    byte[] out = new byte[chosen.length + 1];
    out[0] = chosen == utf16 ? UTF16 : UTF8;
    System.arraycopy(chosen, 0, out, 1, chosen.length);
    return out;
  }

  /** The chars of {@code s}, big-endian: UTF-16BE for well-formed text, and lossless otherwise. */
  private static byte[] utf16(String s) {
    byte[] bytes = new byte[2 * s.length()];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes[2 * i] = (byte) (c >>> 8);
      bytes[2 * i + 1] = (byte) c;
    }
    return bytes;
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The longest prefix of {@code name}, cut between characters, that encodes in {@code budget}. */
  private static byte[] cut(String name, int budget) {
    int end = name.length();
    byte[] encoded = shorter(name);
    while (encoded.length > budget) {
      end = name.offsetByCodePoints(end, -Math.max(1, name.codePointCount(0, end) / 8));
      encoded = shorter(name.substring(0, end));
    }
    int grow = end;
    while (grow < name.length()) {
      int next = name.offsetByCodePoints(grow, 1);
      byte[] longer = shorter(name.substring(0, next));
      if (longer.length > budget) {
        break;
      }
      grow = next;
      encoded = longer;
    }
    return encoded;
  }

  private static String readString(ByteBuffer in, int length) {
    if (length < 1 || length > in.remaining()) {
      throw invalid();
    }
    byte encoding = in.get();
    byte[] bytes = new byte[length - 1];
    in.get(bytes);
    if (encoding == UTF8) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (encoding == UTF16 && bytes.length % 2 == 0) {
      char[] chars = new char[bytes.length / 2];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) ((bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF));
      }
      return new String(chars);
    }
    throw invalid();
  }

  private static byte[] hash(String name) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)),
          HASH_BYTES);
    } catch (GeneralSecurityException e) {
      throw new ProviderFailureException("directory", "SHA-256 is unavailable", e);
    }
  }

  private byte[] tag(String listing, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      byte[] name = listing.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
      mac.update(name);
      mac.update(body);
      return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new ProviderFailureException("directory", "HmacSHA256 is unavailable", e);
    }
  }

  private static InvalidInputException invalid() {
    return InvalidInputException.of(
        FIELD, "is not a cursor this listing issued", "page.cursorInvalid");
  }
}
