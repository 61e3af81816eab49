package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.DirectoryWriter;
import java.util.List;
import java.util.Optional;

/**
 * Adds, edits or removes one phone method, by Graph's rules ({@link PhoneCommand#refusal}). The
 * audit event names the property after the phone type ({@code mobilePhoneNumber}, {@code
 * alternateMobilePhoneNumber}, {@code officePhoneNumber}) with its old and new values in Graph's
 * {@code phoneNumber} format ({@code +1 4255550100x123}).
 */
record PhoneEdit(
    PhoneCommand command,
    DirectoryWriter writer,
    PhoneNumberParser parser,
    CorrelationId correlationId)
    implements UserChange<PhoneChange> {

  PhoneEdit {
    requireNonNull(command, "command");
    requireNonNull(writer, "writer");
    requireNonNull(parser, "parser");
    requireNonNull(correlationId, "correlationId");
  }

  @Override
  public Optional<Refusal> refusal(User current) {
    return command.refusal(current);
  }

  @Override
  public StaffAction action() {
    return StaffAction.MANAGE_PHONES;
  }

  @Override
  public AuditActivity activity(User current) {
    return activityOf(command, current);
  }

  /** The activity {@code command} is on {@code current}: adding, editing or deleting a phone. */
  static AuditActivity activityOf(PhoneCommand command, User current) {
    if (command.number().isEmpty()) {
      return AuditActivity.DELETE_PHONE;
    }
    return current.phone(command.type()).isPresent()
        ? AuditActivity.UPDATE_PHONE
        : AuditActivity.ADD_PHONE;
  }

  @Override
  public List<ModifiedProperty> changes(User current) {
    return List.of(
        ModifiedProperty.of(
            command.type().graphName() + "PhoneNumber",
            current.phone(command.type()).map(parser::toGraphFormatOrE164),
            command.number().map(parser::toGraphFormatOrE164)));
  }

  @Override
  public PhoneChange apply(User current, AuditEvent event, CommitCondition condition) {
    Optional<PhoneNumber> previous = current.phone(command.type());
    User written =
        writer.setPhone(
            current.id(), current.version(), command.type(), command.number(), event, condition);
    return new PhoneChange(
        current.id(), command.type(), previous, written.phone(command.type()), correlationId);
  }
}
