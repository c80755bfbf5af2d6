/**
 * Value types every module may use: typed ids, the business clock, problem details. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kakehashi.shared;
