package cn.zhifa.registry.web;

import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;

/** The list's query parameters (q, industry, town, risk, status, level, whitelisted, sort). */
record EnterpriseFilter(String q, String industry, String town, RiskFeature risk, EnterpriseStatus status,
                        SupervisionLevel level, Boolean whitelisted, EnterpriseQuery.Sort sort) {

    EnterpriseQuery query() {
        return new EnterpriseQuery(q, null, industry, town, risk, status, level, whitelisted, null, sort);
    }
}
