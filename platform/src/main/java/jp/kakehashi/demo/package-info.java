/**
 * The sandbox's demo data (profile {@code demo}): demo customers with documented credentials, their core banking
 * accounts, and a demo TPP whose private key is written to the data folder for the demo FinTech app. Nothing here
 * runs in production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "admin", "portal",
        "authorization :: customer", "tpp", "tpp :: screening", "tpp :: monitoring", "tpp :: assessment", "tpp :: chain",
        "incident", "availability", "notification :: mail", "shared" })
package jp.kakehashi.demo;
