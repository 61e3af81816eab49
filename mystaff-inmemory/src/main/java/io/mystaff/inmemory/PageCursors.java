package io.mystaff.inmemory;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors that carry the sort key of the last item returned, so that a listing
 * resumes exactly after it even if the directory changed in between.
 *
 * <p>A cursor is base64url of {@code version | tag | payload}, where {@code tag} is a truncated
 * HMAC-SHA256, under a key private to this instance, of the listing's name and the payload. So a
 * cursor works only for the listing that issued it, and any tampering is detected and rejected.
 * The payload is the key itself ({@code id NUL displayName} in UTF-8) when it fits in {@link
 * PageRequest}'s 1,024 characters, which every key of at most about 750 UTF-8 bytes does; a
 * longer key is kept in a small table of recent long keys and the payload is a random handle to
 * it. A handle that has left the table is rejected as expired.
 */
final class PageCursors {
  private static final byte VERSION = 1;
  private static final byte KEY = 'k';
  private static final byte HANDLE = 'h';
  private static final int TAG_BYTES = 8;
  private static final int HANDLE_BYTES = 16;
  private static final int MAX_TOKEN_BYTES = 768; // 1,024 base64 characters
  private static final int MAX_HANDLES = 4_096;
  private static final String FIELD = "page cursor";

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec macKey;
  private final Map<String, Listed> longKeys = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Listed> eldest) {
      return size() > MAX_HANDLES;
    }
  };

  PageCursors() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * The page of at most {@code size} items taken from {@code items} (already positioned after the
   * request's cursor), with a cursor after the last one if more follow.
   */
  <T, R> Page<R> page(String listing, Iterator<T> items, int size, Function<T, R> view,
      Function<R, Listed> keyOf) {
    List<R> taken = new ArrayList<>(Math.min(size, 64));
    while (taken.size() < size && items.hasNext()) {
      taken.add(view.apply(items.next()));
    }
    if (taken.isEmpty() || !items.hasNext()) {
      return Page.last(taken);
    }
    return new Page<>(taken, Optional.of(encode(listing, keyOf.apply(taken.get(taken.size() - 1)))));
  }

  /**
   * The position the request continues after, or empty for a first page.
   *
   * @throws InvalidInputException if the cursor was not issued by this instance for {@code
   *     listing}, was altered, or (for a long key) has expired
   */
  Optional<Listed> after(String listing, PageRequest request) {
    if (request.cursor().isEmpty()) {
      return Optional.empty();
    }
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(request.cursor().get());
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (token.length < 2 + TAG_BYTES + 1 || token[0] != VERSION) {
      throw invalid();
    }
    byte[] body = Arrays.copyOfRange(token, 1 + TAG_BYTES, token.length);
    byte[] tag = Arrays.copyOfRange(token, 1, 1 + TAG_BYTES);
    if (!MessageDigest.isEqual(tag, tag(listing, body))) {
      throw invalid();
    }
    if (body[0] == KEY) {
      return Optional.of(decodeKey(body));
    }
    synchronized (longKeys) {
      Listed key = longKeys.get(new String(body, 1, body.length - 1, StandardCharsets.ISO_8859_1));
      if (key == null) {
        throw InvalidInputException.of(FIELD, "has expired; start again from the first page");
      }
      return Optional.of(key);
    }
  }

  String encode(String listing, Listed last) {
    byte[] id = last.sortId().getBytes(StandardCharsets.UTF_8);
    byte[] name = last.displayName().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (1 + TAG_BYTES + 1 + id.length + 1 + name.length <= MAX_TOKEN_BYTES) {
      body.write(KEY);
      body.writeBytes(id);
      body.write(0);
      body.writeBytes(name);
    } else {
      byte[] handle = new byte[HANDLE_BYTES];
      random.nextBytes(handle);
      body.write(HANDLE);
      body.writeBytes(handle);
      synchronized (longKeys) {
        longKeys.put(new String(handle, StandardCharsets.ISO_8859_1),
            new Listed.Key(last.displayName(), last.sortId()));
      }
    }
    byte[] bytes = body.toByteArray();
    ByteArrayOutputStream token = new ByteArrayOutputStream();
    token.write(VERSION);
    token.writeBytes(tag(listing, bytes));
    token.writeBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toByteArray());
  }

  private static Listed decodeKey(byte[] body) {
    for (int i = 1; i < body.length; i++) {
      if (body[i] == 0) {
        return new Listed.Key(new String(body, i + 1, body.length - i - 1, StandardCharsets.UTF_8),
            new String(body, 1, i - 1, StandardCharsets.UTF_8));
      }
    }
    throw invalid();
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
    return InvalidInputException.of(FIELD, "is not a cursor this listing issued");
  }
}
