/** The Data screen: opening a data set, its class-count histogram and weights, long-tail controls. */
package io.counterweight.app.data;
