package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.StaleFactsException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.User;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.Directory;

/**
 * The decision a change rests on, made again inside the writer's atomic section: the facts read
 * there must equal the facts the decision used, and the engine, asked again at the commit instant,
 * must permit the change through the same assignment. Otherwise the write is abandoned with {@link
 * StaleFactsException} and {@link Workflow#change} decides again from fresh facts.
 */
final class CommitCheck implements CommitCondition {
  private final Workflow workflow;
  private final StaffAction action;
  private final Workflow.Facts decidedOn;
  private final Decision.Permit permit;

  CommitCheck(
      Workflow workflow, StaffAction action, Workflow.Facts decidedOn, Decision.Permit permit) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.action = requireNonNull(action, "action");
    this.decidedOn = requireNonNull(decidedOn, "decidedOn");
    this.permit = requireNonNull(permit, "permit");
  }

  @Override
  public void verify(Directory current) {
    UserId target = decidedOn.target().id();
    DirectoryFacts reader = DirectoryFacts.reading(current);
    ActorFacts actor = reader.manager(decidedOn.actor().id());
    if (!actor.equals(decidedOn.actor())) {
      throw new StaleFactsException(target, "the manager's account or role assignments changed");
    }
    User user =
        current
            .findUser(target)
            .orElseThrow(() -> new StaleFactsException(target, "the user no longer exists"));
    TargetFacts facts = reader.target(user);
    if (!facts.equals(decidedOn.target())) {
      throw new StaleFactsException(
          target,
          "the user's units, role assignments, group roles or their units' restrictions changed");
    }
    RoleCatalog roles = current.roles();
    if (!roles.equals(decidedOn.roles())) {
      throw new StaleFactsException(target, "the role definitions changed");
    }
    Decision now =
        workflow
            .acting(reader, actor, workflow.config().clock().instant())
            .decide(action, facts, roles);
    if (!(now instanceof Decision.Permit p) || !p.grantedBy().equals(permit.grantedBy())) {
      throw new StaleFactsException(target, "the granting assignment is no longer active");
    }
    if (!p.asDeputy().map(Delegation::id).equals(permit.asDeputy().map(Delegation::id))) {
      throw new StaleFactsException(target, "the delegation it was granted under changed");
    }
  }

  @Override
  public String toString() {
    return "CommitCheck{" + action + " on " + decidedOn.target().id() + "}";
  }
}
