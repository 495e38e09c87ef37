package sh.grassroots.org.transfer.model;

import sh.grassroots.org.tree.model.OrganizationKind;

import java.util.UUID;

/** What the transfer rules need to know of the receiving organization. */
public record Target(UUID id, OrganizationKind kind, boolean dissolved) {
}
