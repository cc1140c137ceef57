/**
 * The only package that imports DJL (ai.djl): the IDX reader, the VAE, its gradient estimators (standard, sticking-the-landing, IWAE, DReG), training, evaluation and checkpoints. Returns plain records.
 */
package org.derivcheck.vae;
