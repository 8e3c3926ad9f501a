// name: coverage_by_street
// title: 各街道覆盖情况 | Coverage by street
// description: Per street on the date (coverage_by_community summed over each street's communities): communities; compounds; compounds formally covered by a compound or joint branch; compounds effectively covered (the covering branch has 3+ full members, met within the 90 days before the date and has a secretary); buildings with resident members; buildings a building group covers; grids and grids with a grid organization; households, and households a central household reaches (those it covers and its own).
// param: as_of date = today | 截至日期 | As of
// Answered on both backends by queries/catalogue.py: coverage_by_community's rows summed per street
// (queries/street_rollup.py), one whole-city walk instead of two.  This statement lists the streets, so that
// a street without communities keeps its row of zeros.
MATCH (s:Street)
RETURN s.id AS street_id, s.name AS street
ORDER BY street_id
