/**
 * Screening of a TPP's application (審査, A1–A3): the checklist with its common mandatory part and bank-specific
 * items changed by maker and checker, the applicant's answers and evidence, the reviewer's findings per item and
 * references (policies, certifications), the recommendation, and the approver's decision.
 */
@org.springframework.modulith.NamedInterface("screening")
package jp.kakehashi.tpp.screening;
