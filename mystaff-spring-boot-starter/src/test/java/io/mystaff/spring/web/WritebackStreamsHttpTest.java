package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.core.WritebackHandle;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Over real HTTP: clients that subscribe to a writeback's events and go away leave no listener on
 * the handle (the heartbeat's failed write ends their streams), and a stream followed to the end
 * leaves none either.
 */
class WritebackStreamsHttpTest {
  private static final int CYCLES = 8;

  private static ConfigurableApplicationContext context;
  private static String api;

  @BeforeAll
  static void start() {
    context = TestPortal.start("--mystaff.web.stream-heartbeat=50ms");
    api =
        "http://127.0.0.1:"
            + context.getEnvironment().getProperty("local.server.port")
            + "/mystaff/api";
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  private static String startSyncedReset(ApiClient sam, String user) {
    ApiClient.Response r =
        sam.post("/users/" + user + "/password-resets", "{\"password\":\"Correct-Horse-42\"}");
    assertThat(r.status()).isEqualTo(202);
    return r.body().get("correlationId").asString();
  }

  private static WritebackHandle handle(String id) {
    return context
        .getBean(Writebacks.class)
        .find(UserId.of("sam"), CorrelationId.of(id))
        .orElseThrow();
  }

  private static String firstData(InputStream body) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith("data:")) {
        return line;
      }
    }
    throw new AssertionError("the stream ended without an event");
  }

  private static void await(String what, IntSupplier count, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(count.getAsInt()).as(what).isEqualTo(expected);
  }

  @Test
  void clientsThatSubscribeAndGoAwayLeaveNoListener() throws Exception {
    SimulatedOnPremisesWriteback writeback = context.getBean(SimulatedOnPremisesWriteback.class);
    WritebackStreams streams = context.getBean(WritebackStreams.class);
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    writeback.stall();
    try {
      String id = startSyncedReset(sam, "carlos");
      WritebackHandle handle = handle(id);
      int before = handle.statusListenerCount();

      for (int i = 0; i < CYCLES; i++) {
        HttpResponse<InputStream> stream = sam.stream("/password-resets/" + id + "/events");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(firstData(stream.body())).contains("\"correlationId\":\"" + id + "\"");
        stream.body().close(); // the client goes away
      }
      assertThat(handle.status().isTerminal()).as("still pending").isFalse();

      await("listeners left on the handle", handle::statusListenerCount, before);
      await("streams left open", streams::openStreams, 0);
    } finally {
      writeback.resume();
    }
  }

  @Test
  void aStreamFollowedToTheEndLeavesNoListener() throws Exception {
    SimulatedOnPremisesWriteback writeback = context.getBean(SimulatedOnPremisesWriteback.class);
    WritebackStreams streams = context.getBean(WritebackStreams.class);
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    writeback.stall();
    String id;
    HttpResponse<InputStream> stream;
    try {
      id = startSyncedReset(sam, "dana");
      stream = sam.stream("/password-resets/" + id + "/events");
      firstData(stream.body());
      assertThat(handle(id).statusListenerCount()).isEqualTo(1);
    } finally {
      writeback.resume();
    }

    String last = "";
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          last = line;
        }
      }
    }

    assertThat(last).contains("\"status\":\"SUCCEEDED\"").contains("\"result\":");
    assertThat(handle(id).statusListenerCount()).isZero();
    await("streams left open", streams::openStreams, 0);
  }
}
