// name: setup_buildings
// title: 样本准备:楼栋 | Sample set-up: the buildings the sampled households are part of
UNWIND $ids AS id
CREATE (:Building:Territory {id: id})
