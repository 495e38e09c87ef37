-- How many households live in a grid (园艺村: 835 households over its three grids), so that a
-- village's grid check adds the grids' households up against the village's own count.
alter table organization
    add column grid_households integer check (grid_households >= 0),
    add constraint organization_grid_households_only_for_grids check (grid_households is null or form = 'GRID');
