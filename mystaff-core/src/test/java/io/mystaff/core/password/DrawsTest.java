package io.mystaff.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batched draws behind temporary passwords, on scripted random bytes. */
class DrawsTest {

  @Test
  void below_smallBound_oneByteEachAndBytesAtOrAboveTheLastWholeCycleAreRejected() {
    // 68 characters: 256 = 3 * 68 + 52, so bytes 204 to 255 would favour the first 52
    Scripted random = new Scripted(204, 255, 203, 0, 67, 68, 135);
    TemporaryPasswordGenerator.Draws draws = new TemporaryPasswordGenerator.Draws(random, 4);

    assertThat(draws.below(68)).as("204 and 255 rejected, then 203").isEqualTo(203 % 68);
    assertThat(draws.below(68)).isZero();
    assertThat(draws.below(68)).isEqualTo(67);
    assertThat(draws.below(68)).isZero();
    assertThat(draws.below(68)).isEqualTo(135 % 68);
  }

  @Test
  void below_boundAbove256_twoBytesBigEndianWithTheSameRejection() {
    // 1000: 65536 = 65 * 1000 + 536, so values from 65000 are rejected
    Scripted random = new Scripted(0xFD, 0xE8, 0x01, 0x02, 0xFD, 0xE7);
    TemporaryPasswordGenerator.Draws draws = new TemporaryPasswordGenerator.Draws(random, 4);

    assertThat(draws.below(1000)).as("65000 rejected, then 0x0102").isEqualTo(258);
    assertThat(draws.below(1000)).isEqualTo(64999 % 1000);
  }

  @Test
  void below_boundOfExactly256_neverRejects() {
    Scripted random = new Scripted(255, 0);
    TemporaryPasswordGenerator.Draws draws = new TemporaryPasswordGenerator.Draws(random, 1);

    assertThat(draws.below(256)).isEqualTo(255);
    assertThat(draws.below(256)).isZero();
  }

  @Test
  void draws_fetchBatchesOfTwiceTheExpectedDraws_andWipeClearsTheBatch() {
    Scripted random = new Scripted(1, 2, 3, 4, 5, 6);
    TemporaryPasswordGenerator.Draws draws = new TemporaryPasswordGenerator.Draws(random, 1);

    assertThat(draws.below(10)).isEqualTo(1);
    assertThat(draws.below(10)).isEqualTo(2);
    assertThat(random.calls).as("one batch of 2 bytes so far").isEqualTo(1);
    assertThat(draws.below(10)).isEqualTo(3);
    assertThat(random.calls).isEqualTo(2);

    draws.wipe();
    assertThat(random.lastBatch).containsOnly((byte) 0);
  }

  /** Hands out the given byte values, in order, in whatever batches are asked for; then zeros. */
  private static final class Scripted extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final List<Integer> values = new ArrayList<>();
    int calls;
    byte[] lastBatch = new byte[0];

    Scripted(int... values) {
      for (int v : values) {
        this.values.add(v);
      }
    }

    @Override
    public void nextBytes(byte[] bytes) {
      calls++;
      lastBatch = bytes;
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = values.isEmpty() ? 0 : (byte) (int) values.remove(0);
      }
    }
  }
}
