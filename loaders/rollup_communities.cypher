// name: rollup_communities
// title: 全部社区(汇总用) | Every community, so that each has its dated counts
MATCH (cm:Community)
RETURN cm.id AS id
