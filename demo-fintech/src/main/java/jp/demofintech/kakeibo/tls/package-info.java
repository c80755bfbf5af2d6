/** The app's own HTTPS: a self-signed certificate for a local run, made at first start. */
package jp.demofintech.kakeibo.tls;
