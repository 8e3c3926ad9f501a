// name: setup_organizations
// title: 样本准备:党组织 | Sample set-up: the organizations the sampled members belong to
UNWIND $ids AS id
CREATE (:Organization {id: id})
