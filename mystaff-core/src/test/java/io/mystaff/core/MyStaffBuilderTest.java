package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.spi.AuditSink;
import org.junit.jupiter.api.Test;

class MyStaffBuilderTest {

  @Test
  void build_nothingWired_namesEveryMissingPart() {
    assertThatThrownBy(() -> MyStaff.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directory(Directory)")
        .hasMessageContaining("directoryWriter(DirectoryWriter)")
        .hasMessageContaining("auditSink(AuditSink)");
  }

  @Test
  void build_onlySinkWired_namesTheOthers() {
    AuditSink sink = event -> {};
    assertThatThrownBy(() -> MyStaff.builder().auditSink(sink).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directory(Directory)")
        .hasMessageContaining("directoryWriter(DirectoryWriter)")
        .hasMessageNotContaining("auditSink(AuditSink)");
  }

  @Test
  void setters_null_rejectedAtOnce() {
    assertThatThrownBy(() -> MyStaff.builder().directory(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MyStaff.builder().auditSink(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MyStaff.builder().clock(null))
        .isInstanceOf(NullPointerException.class);
  }
}
