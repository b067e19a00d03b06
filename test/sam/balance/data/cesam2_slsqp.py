"""An independent check of the CESAM2 worked example (GAMS Model Library SEQ=393): the same NLP —
error terms on every cell (multiplicative on the coefficients of ACT, FAC, ENT, HOU; additive
elsewhere), on the account totals and on two GDP aggregates, no cell-divergence term, delta 1e-8 —
written directly from the GAMS program's equations and solved with scipy's SLSQP. Not digicge's
code. Run with Debian's scipy: /usr/bin/python3 cesam2_slsqp.py > cesam2_slsqp.json
"""
import numpy as np, json, sys
from scipy.optimize import minimize
acc = ['ACT','COM','FAC','ENT','HOU','GOV','GIN','CAP','ROW']
ix = {a:i for i,a in enumerate(acc)}
rows = [
 [0,14827.424,0,0,2101.049,-0.327,0,0,1488.157],
 [7917.504,0,0,0,6953.332,1564.5,2518.5,2597.798,0],
 [9805.414,0,0,0,0,0,0,0,0],
 [0,0,3699.706,0,0,33.0,0,0,0],
 [0,0,6000.0,3300.0,0,29.6,0,0,200.0],
 [733.6,357.4,74.4,165.2,139.5,0,0,0,0],
 [0,0,0,0,0,0,0,0,1712.3],
 [0,0,0,150.0,649.156,-356.673,-406.2,0,2163.857],
 [0,5573.815,0,0,0,0,0,0,0]]
S=np.array(rows)/1000; n=9
cs=S.sum(0); rs=S.sum(1)
Abar=np.where(S!=0, S/cs, 0)
col0=(rs+cs)/2
g=lambda M: M[ix['FAC'],ix['ACT']]+M[ix['GOV'],ix['ACT']]-M[ix['ACT'],ix['GOV']]+M[ix['GOV'],ix['COM']]
macro0=np.array([S[ix['FAC'],ix['ACT']], g(S)])
nz=[(i,j) for i in range(n) for j in range(n) if S[i,j]!=0]
coefcols={ix[a] for a in ['ACT','FAC','ENT','HOU']}
delta=1e-8
v1=np.outer(0.05*col0,[-3,-2,-1,0,1,2,3]); w1=np.full(7,1/7)
v2=np.outer(0.05*macro0,[-3,-1.5,0,1.5,3]); w2=np.array([1/162,16/81,48/81,16/81,1/162])
v3=[]; 
for (i,j) in nz:
  sd=0.25 if j in coefcols else 0.25*abs(S[i,j])
  v3.append([-3*sd,0,3*sd])
v3=np.array(v3); w3=np.array([1/18,16/18,1/18])
nc=len(nz)
def unpack(z):
  W3=z[:3*nc].reshape(nc,3); W1=z[3*nc:3*nc+63].reshape(9,7); W2=z[3*nc+63:].reshape(2,5); return W3,W1,W2
def ent(W,wb): return np.sum(W*(np.log(W+delta)-np.log(wb+delta)))
def obj(z):
  W3,W1,W2=unpack(z); return ent(W3,w3)+ent(W1,w1)+ent(W2,w2)
def tsam(z):
  W3,W1,W2=unpack(z); Y=col0+(W1*v1).sum(1); E3=(W3*v3).sum(1)
  T=np.zeros((n,n))
  for k,(i,j) in enumerate(nz):
    T[i,j]= Abar[i,j]*np.exp(E3[k])*Y[j] if j in coefcols else S[i,j]+E3[k]
  return T,Y,(W2*v2).sum(1)
def cons(z):
  W3,W1,W2=unpack(z); T,Y,E2=tsam(z)
  c=list(T.sum(1)-Y)+list(T.sum(0)-Y)[:-1]
  c+=list(W3.sum(1)-1)+list(W1.sum(1)-1)+list(W2.sum(1)-1)
  c.append(T[ix['FAC'],ix['ACT']]-macro0[0]-E2[0]); c.append(g(T)-macro0[1]-E2[1])
  return np.array(c)
z0=np.concatenate([np.tile(w3,nc),np.tile(w1,9),np.tile(w2,2)])
res=minimize(obj,z0,constraints=[{'type':'eq','fun':cons}],bounds=[(0,1)]*len(z0),method='SLSQP',options={'ftol':1e-14,'maxiter':3000})
T,Y,E2=tsam(res.x)
json.dump({'objective':res.fun,'maxViolation':float(np.abs(cons(res.x)).max()),'cells':{f'{acc[i]},{acc[j]}':T[i,j]*1000 for i,j in nz},'totals':list(Y*1000),'macroErrors':list(E2*1000)},sys.stdout,indent=1)
