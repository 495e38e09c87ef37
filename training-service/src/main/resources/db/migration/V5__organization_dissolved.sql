-- org-service reports dissolved organizations (OrganizationDissolved); the projection keeps the date.
alter table known_organization add column dissolved_on date;
