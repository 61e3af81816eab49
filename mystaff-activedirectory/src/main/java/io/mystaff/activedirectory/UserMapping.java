package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import com.unboundid.ldap.sdk.Filter;
import io.mystaff.api.UserId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a mystaff user is found in Active Directory: which attribute of a {@code user} object must
 * equal which value derived from the user. Immutable.
 *
 * <ul>
 *   <li>{@link #samAccountName()} (the default): the request's synced {@code sAMAccountName}, which
 *       core takes from the synced user ({@code onPremisesSamAccountName} in Entra);
 *   <li>{@link #userPrincipalName(Function)}: a principal name the host derives;
 *   <li>{@link #objectGuid(Function)}: the on-premises {@code objectGUID} (the stable anchor; in
 *       Entra, {@code onPremisesImmutableId} is its base64 form, see {@link #guidFromImmutableId});
 *   <li>{@link #attribute(String, BiFunction)}: any other single-valued attribute.
 * </ul>
 *
 * A user the mapping gives no value for is reported as not found; a value that matches no user, or
 * more than one, too.
 */
public final class UserMapping {
  private final String attribute;
  private final BiFunction<UserId, Optional<String>, Optional<byte[]>> value;

  private UserMapping(
      String attribute, BiFunction<UserId, Optional<String>, Optional<byte[]>> value) {
    this.attribute = attribute;
    this.value = value;
  }

  /** {@code sAMAccountName} equals the synced account name that comes with the request. */
  public static UserMapping samAccountName() {
    return attribute("sAMAccountName", (user, sam) -> sam);
  }

  /** {@code userPrincipalName} equals what {@code upnOf} says for the user. */
  public static UserMapping userPrincipalName(Function<UserId, Optional<String>> upnOf) {
    requireNonNull(upnOf, "upnOf");
    return attribute("userPrincipalName", (user, sam) -> upnOf.apply(user));
  }

  /** {@code objectGUID} equals what {@code guidOf} says for the user. */
  public static UserMapping objectGuid(Function<UserId, Optional<UUID>> guidOf) {
    requireNonNull(guidOf, "guidOf");
    return new UserMapping(
        "objectGUID", (user, sam) -> guidOf.apply(user).map(UserMapping::guidBytes));
  }

  /**
   * {@code attribute} equals the value {@code valueOf} gives for the user and its synced account
   * name.
   */
  public static UserMapping attribute(
      String attribute, BiFunction<UserId, Optional<String>, Optional<String>> valueOf) {
    requireNonNull(attribute, "attribute");
    requireNonNull(valueOf, "valueOf");
    if (!attribute.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("not an attribute name: " + attribute);
    }
    return new UserMapping(
        attribute,
        (user, sam) ->
            valueOf.apply(user, sam).map(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * The GUID whose bytes {@code immutableId} (Entra's {@code onPremisesImmutableId}) encodes in
   * base64.
   */
  public static Optional<UUID> guidFromImmutableId(String immutableId) {
    try {
      byte[] b = java.util.Base64.getDecoder().decode(requireNonNull(immutableId, "immutableId"));
      if (b.length != 16) {
        return Optional.empty();
      }
      ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      long d1 = le.getInt() & 0xffffffffL;
      long d2 = le.getShort() & 0xffffL;
      long d3 = le.getShort() & 0xffffL;
      long high = (d1 << 32) | (d2 << 16) | d3;
      long low = ByteBuffer.wrap(b, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
      return Optional.of(new UUID(high, low));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The attribute this mapping matches. */
  public String attributeName() {
    return attribute;
  }

  /** The search filter for the user, or empty if the mapping gives no value. */
  Optional<Filter> filterFor(UserId user, Optional<String> samAccountName) {
    return value
        .apply(user, samAccountName)
        .filter(v -> v.length > 0)
        .map(
            v ->
                Filter.createANDFilter(
                    Filter.createEqualityFilter("objectClass", "user"),
                    Filter.createEqualityFilter(attribute, v)));
  }

  /** The 16 bytes of a GUID as Active Directory stores them (first three fields little-endian). */
  static byte[] guidBytes(UUID guid) {
    ByteBuffer b = ByteBuffer.allocate(16);
    long high = guid.getMostSignificantBits();
    b.order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (high >>> 32))
        .putShort((short) (high >>> 16))
        .putShort((short) high);
    b.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
    return b.array();
  }

  @Override
  public String toString() {
    return "UserMapping{" + attribute + "}";
  }
}
